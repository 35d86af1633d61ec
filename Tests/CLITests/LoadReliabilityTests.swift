import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `warehouse load` interrupted, watched and contended: a killed load leaves whole files only,
/// a reader sees a consistent state, a second load waits then fails.
@Suite(.serialized) struct LoadReliabilityTests {
    static let fileCount = 200

    /// `warehouse load` of `fileCount` small reports, running in the background.
    static func startLoadingManyReports(_ cli: CLIRunner) throws -> Process {
        let folder = try LoadFixture.manyReports(in: cli.workDirectory, count: fileCount)
        return try cli.start(["load", "--db", cli.database, "--quiet", folder.path])
    }

    @Test func aLoadKilledPartWayLeavesAnIntactDatabaseOfWholeFiles() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let load = try Self.startLoadingManyReports(cli)
        let started = LoadFixture.wait(timeout: 120) { (LoadFixture.storedCount(cli.database) ?? 0) >= 3 }
        kill(load.processIdentifier, SIGKILL)
        load.waitUntilExit()
        #expect(started)
        #expect(load.terminationReason == .uncaughtSignal)

        #expect(try LoadFixture.integrity(cli.database) == "ok")
        let stored = try LoadFixture.reader(cli.database).read(LoadFixture.stored)
        #expect(stored.count >= 3 && stored.count < Self.fileCount, "killed after \(stored.count) files")
        for (path, contents) in stored {
            #expect(try LoadFixture.expected(path) == contents, "\(path)")
        }
    }

    @Test func aReaderDuringALoadSeesOnlyWholeFiles() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let load = try Self.startLoadingManyReports(cli)
        defer {
            kill(load.processIdentifier, SIGKILL)
            load.waitUntilExit()
        }
        #expect(LoadFixture.wait(timeout: 120) { LoadFixture.storedCount(cli.database) != nil })
        let reader = try LoadFixture.reader(cli.database)
        #expect(try reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        var expected: [String: LoadFixture.FileContents] = [:]
        var partWay = 0
        var lastCount = 0
        for _ in 0..<400 where partWay < 3 && load.isRunning {
            let stored = try reader.read(LoadFixture.stored)
            for (path, contents) in stored {
                if expected[path] == nil { expected[path] = try LoadFixture.expected(path) }
                #expect(contents == expected[path], "\(path) seen half stored")
            }
            if stored.count > lastCount, stored.count < Self.fileCount { partWay += 1 }
            lastCount = stored.count
            usleep(50_000)
        }
        #expect(partWay >= 1, "the reader saw the load advance \(partWay) times")
    }

    @Test func aSecondLoadWaitsForTheFirstThenFailsClearly() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let load = try Self.startLoadingManyReports(cli)
        defer {
            kill(load.processIdentifier, SIGKILL)
            load.waitUntilExit()
        }
        #expect(LoadFixture.wait(timeout: 120) { (LoadFixture.storedCount(cli.database) ?? 0) >= 1 })
        let sample = LoadFixture.samples[1].path
        let started = Date()
        let second = try cli.run(["load", "--db", cli.database, sample], environment: ["WAREHOUSE_BUSY_TIMEOUT": "1"])
        let waited = Date().timeIntervalSince(started)
        #expect(load.isRunning, "the first load ended before the second gave up; the test proves nothing")
        #expect(second.status == 4)
        #expect(waited >= 1)
        #expect(second.stderr.contains("locked by another process"))
        #expect(second.stderr.split(separator: "\n").count == 1, "\(second.stderr)")
        kill(load.processIdentifier, SIGKILL)
        load.waitUntilExit()
        #expect(try LoadFixture.integrity(cli.database) == "ok")
    }

    @Test func aWriterHoldingTheDatabaseMakesTheLoadWaitThenFail() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let sample = LoadFixture.samples[1].path
        #expect(try cli.run(["load", "--db", cli.database, "--quiet", sample]).status == 0)
        // As an analyst who typed BEGIN IMMEDIATE in sqlite3 and went for coffee.
        let analyst = try DatabaseQueue(path: cli.database)
        let blocked = try analyst.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            return try cli.run(["load", "--db", cli.database, "--busy-timeout", "0.5", LoadFixture.samples[2].path])
        }
        #expect(blocked.status == 4)
        #expect(blocked.stderr.contains("locked"))
        #expect(blocked.stderr.split(separator: "\n").count == 1, "\(blocked.stderr)")
        let after = try cli.run(["load", "--db", cli.database, "--busy-timeout", "0.5", LoadFixture.samples[2].path])
        #expect(after.status == 0, "\(after.stderr)")
    }

    @Test func loadingTheSameFolderThreeTimesGivesTheSameContents() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let corrections = cli.workDirectory.appendingPathComponent("corrections.csv")
        try Data("""
            file,ordinal,activity,value,action,new_value,qualifier,unit,evidence,reason
            001_a69418ce6b142439.txt,1,study_session,23,add,,,,集中研讨23次,missed by the extractor

            """.utf8).write(to: corrections)
        var dumps: [String] = []
        for _ in 1...3 {
            let result = try cli.run(["load", "--db", cli.database, "--corrections", corrections.path])
            #expect(result.status == 0, "\(result.stderr)")
            dumps.append(try LoadFixture.dump(cli.database))
        }
        #expect(dumps[0].contains("added"))
        #expect(dumps[1] == dumps[0])
        #expect(dumps[2] == dumps[0])
    }

    @Test func aChangedFileReplacesItsReportsAndPruneAloneRemovesGoneFiles() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let folder = cli.workDirectory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (i, sample) in LoadFixture.samples.prefix(3).enumerated() {
            try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent("f\(i).txt"))
        }
        #expect(try cli.run(["load", "--db", cli.database, folder.path]).status == 0)

        let changed = folder.appendingPathComponent("f0.txt")
        try FileManager.default.removeItem(at: changed)
        try FileManager.default.copyItem(at: LoadFixture.samples[4], to: changed)
        let reload = try cli.run(["load", "--db", cli.database, folder.path])
        #expect(reload.stdout.contains("Loaded 1 of 3 files"))
        #expect(reload.stdout.contains("2 unchanged"))
        let stored = try LoadFixture.reader(cli.database).read(LoadFixture.stored)
        #expect(stored[changed.path] == (try LoadFixture.expected(changed.path)))
        let orphans = try LoadFixture.reader(cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report WHERE file_id NOT IN (SELECT file_id FROM source_file)")
        }
        #expect(orphans == 0)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("f2.txt"))
        let kept = try cli.run(["load", "--db", cli.database, folder.path])
        #expect(kept.status == 0)
        #expect(kept.stderr.contains("gone from disk"))
        #expect(LoadFixture.storedCount(cli.database) == 3)
        let pruned = try cli.run(["load", "--db", cli.database, "--prune", folder.path])
        #expect(pruned.stdout.contains("1 pruned"))
        #expect(LoadFixture.storedCount(cli.database) == 2)
    }
}
