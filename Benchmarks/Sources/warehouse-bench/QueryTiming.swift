import Foundation
import GRDB
import WarehouseKit

/// The latency of one canned query on the loaded warehouse.
struct QueryTiming {
    var name: String
    var arguments: [String: String]
    /// nil when the query could not run; `problem` says why.
    var medianMilliseconds: Double?
    var runs: Int
    var rows: Int
    var problem: String?
    /// Optional parameters left out to time the query at its widest (every activity, every region).
    var widened: [String] = []

    /// Bulk exports return every row: their time is reported, the 100 ms target is for comparisons.
    var isExport: Bool { name.hasPrefix("export") }

    /// Runs every query of the catalog with parameters that exist in the database: the
    /// (activity, year, body) with the most facts, the region with the most facts that year.
    /// A query whose activity or region is optional also runs without it (leaders over every
    /// activity, body-comparison over every region): the heaviest way an analyst calls it.
    static func measureAll(_ catalog: QueryCatalog, in queue: DatabaseQueue, runs: Int) throws -> [QueryTiming] {
        let picks = try queue.read { db in try parameterPicks(db) }
        var timings: [QueryTiming] = []
        for query in catalog.queries {
            var given: [String: String] = [:]
            for parameter in query.parameters {
                if let value = picks[parameter.name] { given[parameter.name] = value }
            }
            timings.append(measure(query, given: given, in: queue, runs: runs))
            for name in ["activity", "region"] where query.parameters.contains(where: { $0.name == name && !$0.isRequired }) {
                var wider = given
                wider[name] = nil
                var timing = measure(query, given: wider, in: queue, runs: runs)
                timing.widened = [name]
                timings.append(timing)
            }
        }
        return timings
    }

    private static func measure(_ query: CannedQuery, given: [String: String], in queue: DatabaseQueue, runs: Int) -> QueryTiming {
        var timing = QueryTiming(name: query.name, arguments: given, medianMilliseconds: nil, runs: 0, rows: 0)
        let repeats = timing.isExport ? 1 : runs
        do {
            if !timing.isExport { _ = try queue.read { db in try QueryRunner.run(query, given: given, in: db) } }
            var samples: [Double] = []
            for _ in 0..<repeats {
                let start = ContinuousClock.now
                let table = try queue.read { db in try QueryRunner.run(query, given: given, in: db) }
                samples.append((ContinuousClock.now - start).seconds * 1000)
                timing.rows = table.rows.count
            }
            samples.sort()
            timing.medianMilliseconds = samples[samples.count / 2]
            timing.runs = repeats
        } catch {
            timing.problem = "\(error)".split(separator: "\n").first.map(String.init)
        }
        return timing
    }

    /// The timings as a Markdown table, one row per query run.
    static func markdown(_ timings: [QueryTiming], targetMilliseconds: Double) -> [String] {
        var lines = ["| Query | Parameters | Rows | Median (ms) | Runs | Target | Met |", "|---|---|---:|---:|---:|---|---|"]
        for q in timings {
            var parameters = q.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            parameters += q.widened.map { " (every \($0))" }.joined()
            let target = q.isExport ? "n/a (bulk export)" : "< \(Int(targetMilliseconds)) ms"
            if let ms = q.medianMilliseconds {
                let met = q.isExport ? "n/a" : (ms < targetMilliseconds ? "yes" : "**no**")
                lines.append("| \(q.name) | \(parameters) | \(group(q.rows)) | \(fixed(ms, 1)) | \(q.runs) | \(target) | \(met) |")
            } else {
                lines.append("| \(q.name) | \(parameters) | – | – | 0 | \(target) | failed: \(q.problem ?? "?") |")
            }
        }
        return lines
    }

    /// Values that exist in the warehouse, with fallbacks for an empty one (stub stages).
    static func parameterPicks(_ db: Database) throws -> [String: String] {
        let year = try Int.fetchOne(db, sql: """
            SELECT year FROM fact_activity WHERE year IS NOT NULL AND section = 'review' AND activity_code <> 'other'
            GROUP BY year ORDER BY COUNT(*) DESC LIMIT 1
            """)
            ?? Int.fetchOne(db, sql: "SELECT year FROM report WHERE year IS NOT NULL GROUP BY year ORDER BY COUNT(*) DESC LIMIT 1")
            ?? 2022
        let top = try Row.fetchOne(db, sql: """
            SELECT activity_code, body_code FROM fact_activity
            WHERE year = ? AND section = 'review' AND activity_code <> 'other'
            GROUP BY activity_code, body_code ORDER BY COUNT(*) DESC LIMIT 1
            """, arguments: [year])
        let activity: String = try top?["activity_code"]
            ?? String.fetchOne(db, sql: "SELECT activity_code FROM dim_activity ORDER BY activity_code LIMIT 1") ?? "other"
        let body: String = top?["body_code"] ?? "npc"
        let region = try String.fetchOne(db, sql: """
            SELECT region_code FROM fact_activity WHERE region_code IS NOT NULL AND year = ?
            GROUP BY region_code ORDER BY COUNT(*) DESC LIMIT 1
            """, arguments: [year])
            ?? String.fetchOne(db, sql: "SELECT region_code FROM report WHERE region_code IS NOT NULL LIMIT 1")
            ?? String.fetchOne(db, sql: "SELECT region_mention FROM report WHERE region_mention IS NOT NULL LIMIT 1")
            ?? String.fetchOne(db, sql: "SELECT region_code FROM dim_region LIMIT 1")
            ?? "110101"
        return ["year": String(year), "activity": activity, "body": body, "region": region]
    }
}
