import Foundation
import GRDB
@testable import WarehouseKit

/// A warehouse in a temporary SQLite file, migrated with the repo's `Schema/` and filled with
/// the real vocabulary and gazetteer, into which a test inserts reports and facts directly, so
/// that the canned queries are checked independently of how well the loader extracts.
struct QueryFixture {
    static let repoRoot = RepositoryFiles.root

    let queue: DatabaseQueue
    let catalog: QueryCatalog
    private let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("warehouse-query-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let locator = ResourceLocator(home: Self.repoRoot)
        let migrator = try SchemaMigrator.load(from: locator.schemaDirectory)
        queue = try WarehouseDatabase.openForWriting(at: directory.appendingPathComponent("test.db"), migrator: migrator)
        let activities = try Vocabulary.activities(at: locator.activitiesFile)
        let gazetteer = try Vocabulary.gazetteer(at: locator.regionsFile)
        try queue.write { db in
            try DimensionSync.sync(activities: activities, gazetteer: gazetteer, in: db)
            for year in 2015...2025 {
                try db.execute(sql: "INSERT INTO dim_year (year, label) VALUES (?, ?)", arguments: [year, "\(year)年"])
            }
            try db.execute(sql: """
                INSERT INTO source_file (file_id, path, name, sha256, byte_count, encoding, loaded_at)
                VALUES (1, '/fixture/reports.txt', 'reports.txt', '', 0, 'utf-8', '2026-01-01T00:00:00Z')
                """)
        }
        catalog = QueryCatalog(folders: [locator.queriesDirectory])
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a report; `period` defaults to the year alone (an annual report).
    @discardableResult
    func report(
        _ body: String, _ region: String?, _ year: Int?, period: ClosedRange<Int>? = nil, mention: String? = nil,
        candidates: [String] = [], note: String? = nil, duplicateOf: Int64? = nil, title: String = "工作报告"
    ) throws -> Int64 {
        try queue.write { db in
            let ordinal = try Int.fetchOne(db, sql: "SELECT COUNT(*) + 1 FROM report") ?? 1
            try db.execute(
                sql: """
                    INSERT INTO report (file_id, ordinal, title, body_code, region_mention, region_code, region_candidates,
                                        region_note, year, period_start, period_end, duplicate_of, text)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')
                    """,
                arguments: [
                    ordinal, title, body, mention, region,
                    "[" + candidates.map { "\"\($0)\"" }.joined(separator: ",") + "]", note, year,
                    period?.lowerBound ?? year, period?.upperBound ?? year, duplicateOf,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Adds a fact to a report, copying its body, region and year as the loader does.
    @discardableResult
    func fact(
        _ report: Int64, _ activity: String, _ value: Double, _ qualifier: String = "exact", unit: String = "次",
        section: String = "review", isPart: Bool = false, isCombined: Bool = false, phrase: String? = nil,
        evidence: String? = nil
    ) throws -> Int64 {
        try queue.write { db in
            let evidence = evidence ?? "\(activity)\(Int(value))\(unit)"
            let offset = try Int.fetchOne(db, sql: "SELECT COUNT(*) * 10 FROM fact_activity WHERE report_id = ?", arguments: [report]) ?? 0
            try db.execute(
                sql: """
                    INSERT INTO fact_activity (report_id, body_code, region_code, year, activity_code, value, qualifier, unit,
                                               section, is_part, is_combined, phrase, evidence, start_offset, end_offset)
                    SELECT report_id, body_code, region_code, year, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                    FROM report WHERE report_id = ?
                    """,
                arguments: [activity, value, qualifier, unit, section, isPart, isCombined, phrase, evidence,
                            offset, offset + evidence.unicodeScalars.count, report])
            return db.lastInsertedRowID
        }
    }

    func run(_ name: String, _ given: [String: String] = [:]) throws -> ResultTable {
        guard let query = catalog.query(named: name) else { throw FixtureError.noQuery(name) }
        return try queue.read { db in try QueryRunner.run(query, given: given, in: db) }
    }

    enum FixtureError: Error { case noQuery(String) }
}

extension ResultTable {
    /// One column's cells as text, row by row.
    func texts(_ column: String) -> [String] {
        guard let i = index(of: column) else { return [] }
        return rows.map { $0[i].text }
    }

    /// The row whose `column` reads `value`, as column → text.
    func row(where column: String, is value: String) -> [String: String]? {
        guard let i = index(of: column), let row = rows.first(where: { $0[i].text == value }) else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.text)))
    }
}
