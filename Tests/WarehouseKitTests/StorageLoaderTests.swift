import Foundation
import GRDB
import Testing
@testable import WarehouseKit

/// The loader's promises: one transaction per file, unchanged files skipped, nothing deleted
/// without --prune, a fatal database error stops the load and keeps what was stored.
@Suite struct StorageLoaderTests {
    static let twoReports: [(text: String, facts: [(String, Double, String)])] = [
        ("全年召开常委会会议12次,开展执法检查3项。", [
            ("standing_committee_meeting", 12, "召开常委会会议12次"), ("law_enforcement_inspection", 3, "开展执法检查3项"),
        ]),
        ("全年召开主任会议20次。", [("chair_meeting", 20, "召开主任会议20次")]),
    ]

    @Test func aChangedFileReplacesItsReportsAndFactsInOneGo() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        var summary = LoadSummary()
        _ = try box.loader.store(
            StorageSandbox.parsed(path: "/r/a.txt", sha: "v1", reports: Self.twoReports), corrections: .none,
            into: box.queue, summary: &summary)
        #expect(try box.count("report") == 2)
        #expect(try box.count("fact_activity") == 3)

        let v2 = StorageSandbox.parsed(
            path: "/r/a.txt", sha: "v2", reports: [("全年开展执法检查4项。", [("law_enforcement_inspection", 4, "开展执法检查4项")])])
        _ = try box.loader.store(v2, corrections: .none, into: box.queue, summary: &summary)
        #expect(try box.count("source_file") == 1)
        #expect(try box.count("source_file", where: "sha256 = 'v2'") == 1)
        #expect(try box.count("report") == 1)
        #expect(try box.count("fact_activity") == 1)
        #expect(try box.count("fact_activity", where: "value = 4") == 1)
        #expect(try box.count("report", where: "file_id NOT IN (SELECT file_id FROM source_file)") == 0)
    }

    @Test func anErrorInAFileRollsBackThatFileOnlyAndKeepsItsEarlierVersion() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        var summary = LoadSummary()
        _ = try box.loader.store(
            StorageSandbox.parsed(path: "/r/a.txt", sha: "v1", reports: Self.twoReports), corrections: .none,
            into: box.queue, summary: &summary)
        // A region code that is not in the gazetteer violates a foreign key half way through the file.
        let broken = StorageSandbox.parsed(path: "/r/a.txt", sha: "v2", reports: Self.twoReports, region: "000000")
        #expect(throws: DatabaseError.self) {
            try box.loader.store(broken, corrections: .none, into: box.queue, summary: &summary)
        }
        #expect(try box.count("source_file", where: "sha256 = 'v1'") == 1)
        #expect(try box.count("report") == 2)
        #expect(try box.count("fact_activity") == 3)

        _ = try box.loader.store(
            StorageSandbox.parsed(path: "/r/b.txt", sha: "b1", reports: Self.twoReports), corrections: .none,
            into: box.queue, summary: &summary)
        #expect(try box.count("source_file") == 2)
        #expect(summary.filesLoaded == 2)
    }

    @Test func aLoadContinuesPastBadFilesAndNamesEachWithItsReason() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let sample = try String(contentsOf: StorageSandbox.repositoryRoot.appendingPathComponent("data/reports/001_a69418ce6b142439.txt"), encoding: .utf8)
        try box.write(sample, as: "good.txt")
        try box.write("", as: "empty.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xD8, 0xFF, 0xFF])
            .write(to: box.reportsFolder.appendingPathComponent("image.txt"))
        let summary = try box.loader.load([box.reportsFolder], into: box.queue, databasePath: box.databaseURL.path)
        #expect(summary.filesLoaded == 1)
        #expect(Set(summary.failures.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["empty.txt", "image.txt"])
        for failure in summary.failures {
            #expect(failure.reason.hasPrefix(failure.path + ":"))
            #expect(!failure.reason.contains("\n"))
        }
        #expect(summary.failures.first { $0.path.hasSuffix("empty.txt") }?.reason.contains("empty") == true)
        #expect(LoadExitStatus(summary) == .someFilesFailed)
        #expect(try box.count("source_file") == 1)

        // A stored file that turns bad keeps its earlier version, and the message says so.
        try box.write("", as: "good.txt")
        let again = try box.loader.load([box.reportsFolder], into: box.queue, databasePath: box.databaseURL.path)
        #expect(again.failures.first { $0.path.hasSuffix("good.txt") }?.reason.hasSuffix("the version loaded earlier is kept") == true)
        #expect(try box.count("report") > 0)
    }

    @Test func aTextWithNoReportIsStoredWithAWarningNotAFailure() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        var summary = LoadSummary()
        var nothing = StorageSandbox.parsed(path: "/r/notice.txt", reports: [])
        nothing.warnings = ["/r/notice.txt: no report found in this text"]
        let listing = try box.loader.store(nothing, corrections: .none, into: box.queue, summary: &summary)
        #expect(listing.isEmpty)
        #expect(summary.failures.isEmpty)
        #expect(summary.warnings == ["/r/notice.txt: no report found in this text"])
        #expect(LoadExitStatus(summary) == .success)
        // Stored, so that the next load skips it as unchanged instead of warning again.
        #expect(try box.count("source_file") == 1)
    }

    @Test func unchangedFilesAreSkippedAndGoneFilesRemovedOnlyWithPrune() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        for i in 1...3 { try box.write("第\(i)份\n全年召开常委会会议\(i)次。", as: "r\(i).txt") }
        let path = box.databaseURL.path
        let first = try box.loader.load([box.reportsFolder], into: box.queue, databasePath: path)
        #expect(first.filesLoaded == 3)
        let second = try box.loader.load([box.reportsFolder], into: box.queue, databasePath: path)
        #expect(second.filesUnchanged == 3)
        #expect(second.filesLoaded == 0)

        try FileManager.default.removeItem(at: box.reportsFolder.appendingPathComponent("r2.txt"))
        let kept = try box.loader.load([box.reportsFolder], into: box.queue, databasePath: path)
        #expect(kept.filesGone == 1)
        #expect(kept.filesPruned == 0)
        #expect(try box.count("source_file") == 3)

        let pruned = try box.loader.load(
            [box.reportsFolder], into: box.queue, databasePath: path, options: Loader.Options(prune: true))
        #expect(pruned.filesPruned == 1)
        #expect(try box.count("source_file") == 2)
        #expect(try box.count("source_file", where: "name = 'r2.txt'") == 0)
    }

    @Test func aChangedVocabularyOrForceRereadsUnchangedFiles() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        for i in 1...2 { try box.write("第\(i)份\n全年召开常委会会议\(i)次。", as: "r\(i).txt") }
        let path = box.databaseURL.path
        #expect(try box.loader.load([box.reportsFolder], into: box.queue, databasePath: path).filesLoaded == 2)

        var activities = box.loader.activities
        activities[0].cues.append("新增的提示词")
        let widened = Loader(activities: activities, gazetteer: box.loader.gazetteer)
        #expect(widened.vocabularyDigest != box.loader.vocabularyDigest)
        #expect(try widened.load([box.reportsFolder], into: box.queue, databasePath: path).filesLoaded == 2)
        #expect(try widened.load([box.reportsFolder], into: box.queue, databasePath: path).filesUnchanged == 2)
        let forced = try widened.load(
            [box.reportsFolder], into: box.queue, databasePath: path, options: Loader.Options(force: true))
        #expect(forced.filesLoaded == 2)

        var notes = box.loader.activities
        notes[0].notes += " (reworded)"
        #expect(Loader(activities: notes, gazetteer: box.loader.gazetteer).vocabularyDigest == box.loader.vocabularyDigest)
    }

    @Test func aFullDiskStopsTheLoadAndKeepsEveryFileStoredBeforeWhole() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let sample = try String(contentsOf: StorageSandbox.repositoryRoot.appendingPathComponent("data/reports/000_f0971bea6cd450b4.txt"), encoding: .utf8)
        for i in 0..<12 { try box.write(sample + "\n附\(i)\n", as: String(format: "r%02d.txt", i)) }
        // Room for a few files only: SQLite then answers SQLITE_FULL, as on a full disk.
        let pages = try box.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try box.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 40)") }

        var seen = 0
        let error = #expect(throws: LoadStopped.self) {
            try box.loader.load([box.reportsFolder], into: box.queue, databasePath: box.databaseURL.path) { _ in seen += 1 }
        }
        guard let stopped = error else { return }
        guard case .diskFull = stopped.cause else {
            Issue.record("expected diskFull, got \(stopped.cause)")
            return
        }
        #expect(stopped.description.contains("disk is full"))
        #expect(LoadExitStatus(stopped) == .databaseUnusable)
        let stored = try box.count("source_file")
        #expect(stored == stopped.summary.filesLoaded)
        #expect(stored > 0 && stored < 12)
        #expect(try box.queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        let expected = try StorageSandbox.loader.pipeline.parse(
            Data((sample + "\n附0\n").utf8), path: "x").reports.count
        #expect(try box.count("source_file", where: "(SELECT count(*) FROM report r WHERE r.file_id = source_file.file_id) <> \(expected)") == 0)
    }

    @Test func aSecondLoadWaitsForTheLoadLockThenFails() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let path = box.databaseURL.path
        var first: LoadLock? = try LoadLock.acquire(database: path, timeout: 0)
        let started = Date()
        #expect {
            try LoadLock.acquire(database: path, timeout: 0.3)
        } throws: { error in
            guard case StorageError.busy = error else { return false }
            return LoadExitStatus(error) == .busy && "\(error)".contains("locked")
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(first != nil)
        first = nil
        #expect(throws: Never.self) { try LoadLock.acquire(database: path, timeout: 0) }
    }

    @Test func sqliteResultCodesBecomeUserMessagesAndExitStatuses() {
        let cases: [(ResultCode, LoadExitStatus, String)] = [
            (.SQLITE_FULL, .databaseUnusable, "disk is full"),
            (.SQLITE_IOERR, .databaseUnusable, "I/O error"),
            (.SQLITE_NOTADB, .databaseUnusable, "not an SQLite database"),
            (.SQLITE_READONLY, .databaseUnusable, "read-only"),
            (.SQLITE_BUSY, .busy, "locked"),
            (.SQLITE_CORRUPT, .databaseUnusable, "damaged"),
        ]
        for (code, status, words) in cases {
            let translated = WarehouseDatabase.translate(DatabaseError(resultCode: code), path: "/db/w.db", waited: 2)
            #expect(LoadExitStatus(translated) == status, "\(code)")
            #expect("\(translated)".hasPrefix("/db/w.db: "))
            #expect("\(translated)".contains(words), "\(translated)")
            #expect((translated as? StorageError)?.stopsLoad == true)
        }
        let constraint = WarehouseDatabase.translate(DatabaseError(resultCode: .SQLITE_CONSTRAINT), path: "/db/w.db")
        #expect((constraint as? StorageError)?.stopsLoad == false)
    }
}

/// A fresh warehouse database in a temporary folder, with the repository's schema and data.
struct StorageSandbox {
    static let repositoryRoot = RepositoryFiles.root
    static let warehouse = try! Warehouse(locator: ResourceLocator(home: repositoryRoot))
    static let loader = try! warehouse.loader()

    let folder: URL
    let databaseURL: URL
    let queue: DatabaseQueue

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("warehouse-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databaseURL = folder.appendingPathComponent("test.db")
        queue = try WarehouseDatabase.openForWriting(at: databaseURL, migrator: Self.warehouse.migrator)
        try queue.write { db in
            try DimensionSync.sync(activities: Self.loader.activities, gazetteer: Self.loader.gazetteer, in: db)
        }
    }

    var loader: Loader { Self.loader }
    var reportsFolder: URL { folder.appendingPathComponent("reports") }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes a file into the sandbox's `reports` folder.
    func write(_ text: String, as name: String) throws {
        try FileManager.default.createDirectory(at: reportsFolder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: reportsFolder.appendingPathComponent(name))
    }

    func count(_ table: String, where condition: String = "1") throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }

    /// A hand-made parsed file: each report states its facts as `(activity, value, evidence)`,
    /// the evidence being a clause of the report's text.
    static func parsed(
        path: String, sha: String = "0", reports: [(text: String, facts: [(String, Double, String)])],
        region: String? = nil
    ) -> ParsedFile {
        let built = reports.enumerated().map { index, report in
            Report(
                ordinal: index + 1, title: "报告\(index + 1)", text: Substring(report.text), body: .npc,
                region: RegionResolution(code: index == 0 ? nil : region), period: Period(year: 2022),
                facts: report.facts.map { code, value, evidence in
                    let start = offset(of: evidence, in: report.text)
                    return Fact(
                        activityCode: code, value: value, unit: "次", evidence: evidence,
                        range: start..<(start + evidence.unicodeScalars.count))
                })
        }
        return ParsedFile(path: path, sha256: sha, byteCount: 1, encoding: "utf-8", reports: built, warnings: [])
    }

    /// Unicode-scalar offset of `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int {
        let hay = Array(text.unicodeScalars)
        let pin = Array(needle.unicodeScalars)
        for i in 0...(hay.count - pin.count) where Array(hay[i..<(i + pin.count)]) == pin { return i }
        fatalError("'\(needle)' is not in the text")
    }
}

/// Memory stays bounded: files are parsed ahead of the writer only within a byte budget,
/// and handed over in order whatever order the workers finish them in.
@Suite struct ParseAheadTests {
    final class Log: @unchecked Sendable {
        let lock = NSLock()
        var taken = 0
        var parsed: [Int] = []
        var overBudget: [Int] = []
    }

    @Test func outcomesComeInOrderEachParsedOnceWithinTheBudget() {
        let sizes = [3, 1, 4, 1, 5, 9, 2, 6, 50, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4]
        let budget = 12
        let log = Log()
        let ahead = ParseAhead<Int>(sizes: sizes, budgetBytes: budget, workers: 3) { i in
            log.lock.lock()
            log.parsed.append(i)
            // Items start in order, so those from the first not yet taken up to i are in flight.
            // The writer counts an item as taken a moment after ParseAhead does, so the first
            // counted here may be gone already; a file larger than the budget starts alone.
            let first = log.taken + 1
            if i > first, sizes[first...i].reduce(0, +) > budget { log.overBudget.append(i) }
            log.lock.unlock()
            usleep(UInt32(200 * (sizes[i] % 4)))  // finish out of order
            return i * 2
        }
        var outcomes: [Int] = []
        for i in sizes.indices {
            outcomes.append(ahead.outcome(i))
            usleep(300)  // a slow writer: parsing runs into the budget
            log.lock.lock()
            log.taken = i + 1
            log.lock.unlock()
        }
        #expect(outcomes == sizes.indices.map { $0 * 2 })
        #expect(log.parsed.sorted() == Array(sizes.indices))
        #expect(log.overBudget.isEmpty)
    }

    @Test func stoppingLeavesTheRestUnparsed() {
        let log = Log()
        let ahead = ParseAhead<Int>(sizes: Array(repeating: 10, count: 50), budgetBytes: 20, workers: 2) { i in
            log.lock.lock()
            log.parsed.append(i)
            log.lock.unlock()
            return i
        }
        #expect(ahead.outcome(0) == 0)
        ahead.stop()
        usleep(50_000)
        log.lock.lock()
        defer { log.lock.unlock() }
        #expect(log.parsed.count <= 4)
    }
}
