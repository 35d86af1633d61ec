import Foundation
import GRDB

/// Writes what the pipeline found in one file, replacing whatever an earlier version of the
/// same file left. The caller wraps each call in one transaction.
public enum FileStore {
    /// What is known about a file already in the warehouse.
    public struct StoredFile: Sendable {
        public var fileID: Int64
        public var sha256: String
    }

    public static func stored(path: String, in db: Database) throws -> StoredFile? {
        try Row.fetchOne(db, sql: "SELECT file_id, sha256 FROM source_file WHERE path = :path", arguments: ["path": path])
            .map { StoredFile(fileID: $0["file_id"], sha256: $0["sha256"]) }
    }

    /// Deletes a file with its reports and facts (cascading).
    public static func remove(path: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM source_file WHERE path = :path", arguments: ["path": path])
    }

    /// Replaces the file's rows with `parsed`. Returns the number of facts written.
    @discardableResult
    public static func replace(_ parsed: ParsedFile, loadedAt: Date = Date(), in db: Database) throws -> Int {
        try remove(path: parsed.path, in: db)
        try db.execute(
            sql: """
                INSERT INTO source_file (path, name, sha256, byte_count, encoding, warnings, loaded_at)
                VALUES (:path, :name, :sha, :bytes, :encoding, :warnings, :loadedAt)
                """,
            arguments: [
                "path": parsed.path, "name": (parsed.path as NSString).lastPathComponent, "sha": parsed.sha256,
                "bytes": parsed.byteCount, "encoding": parsed.encoding,
                "warnings": parsed.warnings.joined(separator: "\n"),
                "loadedAt": ISO8601DateFormatter().string(from: loadedAt),
            ])
        let fileID = db.lastInsertedRowID

        let year = try db.cachedStatement(sql: "INSERT OR IGNORE INTO dim_year (year, label) VALUES (:year, :label)")
        let report = try db.cachedStatement(sql: """
            INSERT INTO report (file_id, ordinal, title, body_code, region_mention, region_code, region_candidates,
                                region_given, region_note, year, period_start, period_end, duplicate_of, text)
            VALUES (:file, :ordinal, :title, :body, :mention, :code, :candidates,
                    :given, :note, :year, :start, :end, :duplicateOf, :text)
            """)
        let fact = try db.cachedStatement(sql: """
            INSERT INTO fact_activity (report_id, body_code, region_code, year, activity_code, value, qualifier, unit,
                                       section, is_part, is_combined, phrase, evidence, start_offset, end_offset)
            VALUES (:report, :body, :region, :year, :activity, :value, :qualifier, :unit,
                    :section, :isPart, :isCombined, :phrase, :evidence, :start, :end)
            """)
        let knownActivities = Set(try String.fetchAll(db, sql: "SELECT activity_code FROM dim_activity"))

        var reportIDs: [Int: Int64] = [:]
        var factCount = 0
        for r in parsed.reports {
            if let period = r.period {
                for y in Set([period.year, period.start, period.end]) {
                    try year.execute(arguments: ["year": y, "label": "\(y)年"])
                }
            }
            try report.execute(arguments: [
                "file": fileID, "ordinal": r.ordinal, "title": r.title, "body": r.body.rawValue,
                "mention": r.regionMention, "code": r.region.code,
                "candidates": jsonArray(r.region.candidates), "given": r.region.given,
                "note": r.region.note, "year": r.period?.year, "start": r.period?.start, "end": r.period?.end,
                "duplicateOf": r.duplicateOf.flatMap { reportIDs[$0] }, "text": r.text,
            ])
            let reportID = db.lastInsertedRowID
            reportIDs[r.ordinal] = reportID
            guard r.duplicateOf == nil else { continue }
            for f in r.facts {
                // A code dropped from activities.csv since extraction cannot be stored under its name.
                let code = knownActivities.contains(f.activityCode) ? f.activityCode : Activity.otherCode
                try fact.execute(arguments: [
                    "report": reportID, "body": r.body.rawValue, "region": r.region.code, "year": r.period?.year,
                    "activity": code, "value": f.value, "qualifier": f.qualifier.rawValue, "unit": f.unit,
                    "section": f.section.rawValue, "isPart": f.isPart, "isCombined": f.isCombined,
                    "phrase": f.phrase ?? (code == f.activityCode ? nil : f.activityCode),
                    "evidence": f.evidence, "start": f.range.lowerBound, "end": f.range.upperBound,
                ])
                factCount += 1
            }
        }
        return factCount
    }

    private static func jsonArray(_ codes: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: codes)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
