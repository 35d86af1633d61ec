import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Bad input ends in one line naming the file and an exit status scripts can rely on
/// (0 ok, 1 cannot start, 2 some files failed, 3 database unusable, 4 busy); progress and
/// listings go to stderr, the summary to stdout.
@Suite(.serialized) struct LoadInputTests {
    @Test func emptyBinaryAndUndecodableFilesFailOneLineEachAndTheRestLoads() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let folder = cli.workDirectory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: LoadFixture.samples[1], to: folder.appendingPathComponent("good.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        png.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
        try png.write(to: folder.appendingPathComponent("scan.png"))
        // 0xFF never occurs in UTF-8 or GB18030, and the odd length rules out UTF-16.
        var garbled = Data("报告".utf8)
        garbled.append(contentsOf: [0xFF, 0x80, 0xFF, 0xC0, 0xFF, 0xFE, 0xFF, 0x80, 0xFF])
        try garbled.write(to: folder.appendingPathComponent("garbled.txt"))

        let result = try cli.run(["load", "--db", cli.database, folder.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("Loaded 1 of 4 files"))
        let lines = result.stderr.split(separator: "\n")
        for name in ["empty.txt", "scan.png", "garbled.txt"] {
            let path = folder.appendingPathComponent(name).path
            #expect(lines.filter { $0.contains(path) }.count == 1, "\(name): \(result.stderr)")
            #expect(lines.contains { $0.hasPrefix("warehouse: \(path): ") })
        }
        #expect(lines.contains { $0.contains("empty.txt") && $0.contains("empty") })
        #expect(LoadFixture.storedCount(cli.database) == 1)
    }

    @Test func aPathThatDoesNotExistFailsWithStatus2AndTheRestLoads() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["load", "--db", cli.database, "/nonexistent/report.txt", LoadFixture.samples[1].path])
        #expect(result.status == 2)
        #expect(result.stderr == "warehouse: /nonexistent/report.txt: no such file or folder\n")
        #expect(result.stdout.contains("Loaded 1 of 1 files"))
    }

    @Test func aTextWithoutAReportIsAtMostAWarning() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let blank = cli.workDirectory.appendingPathComponent("blank.txt")
        try Data("  \n\n\u{3000}\n".utf8).write(to: blank)
        let result = try cli.run(["load", "--db", cli.database, blank.path])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try LoadFixture.reader(cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report") ?? 0
        }
        if reports == 0 {
            #expect(result.stderr.contains("warning: \(blank.path)"))
        }
        #expect(!result.stderr.contains("warehouse: "))
    }

    @Test func databaseProblemsExitWith3InOneLine() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let sample = LoadFixture.samples[1].path

        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: cli.database))
        let notSQLite = try cli.run(["load", "--db", cli.database, sample])
        #expect(notSQLite.status == 3)
        #expect(notSQLite.stderr == "warehouse: \(cli.database): not an SQLite database (choose another --db or remove the file)\n")

        let newer = cli.workDirectory.appendingPathComponent("newer.db").path
        try DatabaseQueue(path: newer).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 999") }
        let refused = try cli.run(["load", "--db", newer, sample])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("newer"))
        #expect(refused.stderr.split(separator: "\n").count == 1)

        // Root ignores file modes, but sysfs refuses new files even to root.
        let location: String
        if getuid() == 0 {
            location = "/sys/warehouse-test/w.db"
        } else {
            let locked = cli.workDirectory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            chmod(locked.path, 0o555)
            location = locked.appendingPathComponent("w.db").path
        }
        let readOnly = try cli.run(["load", "--db", location, sample])
        #expect(readOnly.status == 3)
        #expect(readOnly.stderr.hasPrefix("warehouse: \(location): "))
        #expect(readOnly.stderr.contains("writable"))
        #expect(readOnly.stderr.split(separator: "\n").count == 1)
    }

    @Test func aBadCorrectionsFileStopsTheLoadBeforeItStartsWithStatus1() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let corrections = cli.workDirectory.appendingPathComponent("corrections.csv")
        try Data("file,ordinal,activity,value,action,reason\na.txt,1,no_such_code,3,drop,typo\n".utf8).write(to: corrections)
        let result = try cli.run(["load", "--db", cli.database, "--corrections", corrections.path])
        #expect(result.status == 1)
        #expect(result.stderr == "warehouse: \(corrections.path): line 2: 'no_such_code' is not an activity code of activities.csv\n")
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func progressIsDrawnOnlyOnATerminalAndNotWithQuiet() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let folder = try LoadFixture.manyReports(in: cli.workDirectory, count: 10)
        let piped = try cli.run(["load", "--db", cli.database, folder.path])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("MB/s"))
        #expect(!piped.stderr.contains("\r"))

        let onTerminal = try Self.onTerminal(cli, ["load", "--db", cli.database + "2", folder.path])
        #expect(onTerminal.contains("\r["))
        #expect(onTerminal.contains("/10 files"))
        #expect(onTerminal.contains("MB/s"))
        #expect(onTerminal.contains("Loaded 10 of 10 files"))

        let quiet = try Self.onTerminal(cli, ["load", "--quiet", "--db", cli.database + "3", folder.path])
        #expect(!quiet.contains("MB/s"))
        #expect(quiet.contains("Loaded 10 of 10 files"))
    }

    @Test func verboseListsEachFilesReportsAndJSONIsTheOnlyStdout() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let sample = LoadFixture.samples[1].path
        let result = try cli.run(["load", "--db", cli.database, "--verbose", "--format", "json", sample])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(sample): ") == true)
        let reports = lines.dropFirst().filter { $0.hasPrefix("  #") }
        #expect(!reports.isEmpty)
        #expect(reports.allSatisfy { $0.hasSuffix(" facts") || $0.contains("repeats #") })
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["filesLoaded"] as? Int == 1)
        #expect(json?["reports"] as? Int == reports.count { !$0.contains("repeats") })
        #expect((json?["failures"] as? [Any])?.isEmpty == true)

        let again = try cli.run(["load", "--db", cli.database, "--verbose", sample])
        #expect(again.stderr == "\(sample): unchanged\n")
    }

    /// Runs the binary with a pseudo-terminal as stdout and stderr (via util-linux `script`).
    static func onTerminal(_ cli: CLIRunner, _ arguments: [String]) throws -> String {
        let command = ([CLIRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
