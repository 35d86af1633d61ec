import Foundation
import GRDB
import WarehouseKit

/// Folders of report files made from the samples, and what a complete load of each file gives,
/// for tests that interrupt or watch a running `warehouse load`.
enum LoadFixture {
    static let samples: [URL] = {
        let folder = CLIRunner.repositoryRoot.appendingPathComponent("data/reports")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }()

    static let pipeline = try! Warehouse(locator: ResourceLocator(home: CLIRunner.repositoryRoot)).loader().pipeline

    /// `count` copies of the samples, each with a line of its own so that every file is new.
    static func manyReports(in folder: URL, count: Int) throws -> URL {
        let target = folder.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let texts = try samples.map { try Data(contentsOf: $0) }
        for i in 0..<count {
            var data = texts[i % texts.count]
            data.append(Data("\n附:第\(i)份\n".utf8))
            try data.write(to: target.appendingPathComponent(String(format: "r%03d.txt", i)))
        }
        return target
    }

    /// Reports and facts of one file as stored in the database.
    struct FileContents: Equatable, CustomStringConvertible {
        var reports: Int
        var facts: Int
        var textLength: Int

        var description: String { "\(reports) reports, \(facts) facts, \(textLength) characters" }
    }

    /// What a complete load of the file at `path` stores.
    static func expected(_ path: String) throws -> FileContents {
        let parsed = try pipeline.parse(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        return FileContents(
            reports: parsed.reports.count,
            facts: parsed.reports.filter { $0.duplicateOf == nil }.reduce(0) { $0 + $1.facts.count },
            textLength: parsed.reports.reduce(0) { $0 + $1.text.unicodeScalars.count })
    }

    /// Every stored file with its contents, read in one transaction.
    static func stored(_ db: Database) throws -> [String: FileContents] {
        var result: [String: FileContents] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT sf.path,
                   (SELECT count(*) FROM report r WHERE r.file_id = sf.file_id) AS reports,
                   (SELECT count(*) FROM fact_activity f JOIN report r USING (report_id) WHERE r.file_id = sf.file_id) AS facts,
                   (SELECT coalesce(sum(length(r.text)), 0) FROM report r WHERE r.file_id = sf.file_id) AS text_length
            FROM source_file sf
            """)
        {
            result[row["path"]] = FileContents(reports: row["reports"], facts: row["facts"], textLength: row["text_length"])
        }
        return result
    }

    /// A second connection, as an analyst in `sqlite3` has.
    static func reader(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// How many files the database holds, or nil while it has no schema yet.
    static func storedCount(_ path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try? reader(path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM source_file") }
    }

    /// Polls until `condition` holds or `timeout` passes; returns whether it held.
    static func wait(timeout: TimeInterval, for condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    static func integrity(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }

    /// The report and fact tables (and the files and correction outcomes they hang on) as text,
    /// without load times, to compare the contents of two databases.
    static func dump(_ path: String) throws -> String {
        try reader(path).read { db in
            var out = ""
            let queries = [
                "SELECT file_id, path, name, sha256, byte_count, encoding, warnings, corrections_sha256, vocabulary_sha256 FROM source_file ORDER BY file_id",
                "SELECT * FROM report ORDER BY report_id",
                "SELECT * FROM fact_activity ORDER BY fact_id",
                "SELECT * FROM correction_outcome ORDER BY outcome_id",
            ]
            for sql in queries {
                for row in try Row.fetchAll(db, sql: sql) { out += row.description + "\n" }
            }
            return out
        }
    }
}
