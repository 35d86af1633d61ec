import Foundation
import GRDB

/// Writes what the pipeline found in one file, replacing whatever an earlier version of the
/// same file left. The caller wraps each call in one transaction.
public enum FileStore {
    /// What is known about a file already in the warehouse.
    /// A stored file is unchanged when its bytes, the corrections naming it, what the user
    /// stated about its reports and the vocabulary it was extracted with all are.
    public struct StoredFile: Sendable, Hashable {
        public var sha256: String
        public var correctionsSHA256: String
        public var vocabularySHA256: String
        public var overridesSHA256: String

        public init(sha256: String, correctionsSHA256: String, vocabularySHA256: String, overridesSHA256: String = "") {
            self.sha256 = sha256
            self.correctionsSHA256 = correctionsSHA256
            self.vocabularySHA256 = vocabularySHA256
            self.overridesSHA256 = overridesSHA256
        }
    }

    /// Every stored file by path.
    public static func storedFiles(in db: Database) throws -> [String: StoredFile] {
        var files: [String: StoredFile] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, sha256, corrections_sha256, vocabulary_sha256, overrides_sha256 FROM source_file") {
            files[row["path"]] = StoredFile(
                sha256: row["sha256"], correctionsSHA256: row["corrections_sha256"], vocabularySHA256: row["vocabulary_sha256"],
                overridesSHA256: row["overrides_sha256"])
        }
        return files
    }

    /// Deletes a file with its reports and facts (cascading).
    public static func remove(path: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM source_file WHERE path = :path", arguments: ["path": path])
    }

    /// What `replace` wrote.
    public struct Written: Sendable {
        public var fileID: Int64
        public var facts: Int
    }

    /// Replaces the file's rows with `parsed`.
    /// - Parameters:
    ///   - vocabularyDigest: `Loader.vocabularyDigest`, stored so that a changed vocabulary re-reads the file.
    ///   - overridesDigest: `ReportOverrides.digest(forFile:)`, stored so that a changed manifest row re-reads it.
    @discardableResult
    public static func replace(
        _ parsed: ParsedFile, vocabularyDigest: String = "", overridesDigest: String = "", loadedAt: Date = Date(),
        in db: Database
    ) throws -> Written {
        try remove(path: parsed.path, in: db)
        try db.execute(
            sql: """
                INSERT INTO source_file (path, name, sha256, byte_count, encoding, warnings, loaded_at, vocabulary_sha256,
                                         overrides_sha256)
                VALUES (:path, :name, :sha, :bytes, :encoding, :warnings, :loadedAt, :vocabulary, :overrides)
                """,
            arguments: [
                "path": parsed.path, "name": (parsed.path as NSString).lastPathComponent, "sha": parsed.sha256,
                "bytes": parsed.byteCount, "encoding": parsed.encoding,
                "warnings": parsed.warnings.joined(separator: "\n"),
                "loadedAt": loadedAt.formatted(Self.timestamp), "vocabulary": vocabularyDigest,
                "overrides": overridesDigest,
            ])
        let fileID = db.lastInsertedRowID

        let year = try RawInsert(db, sql: "INSERT OR IGNORE INTO dim_year (year, label) VALUES (:year, :label)")
        let report = try RawInsert(db, sql: """
            INSERT INTO report (file_id, ordinal, title, body_code, region_mention, region_code, region_candidates,
                                region_given, region_note, year, period_start, period_end, duplicate_of, text, scope)
            VALUES (:file, :ordinal, :title, :body, :mention, :code, :candidates,
                    :given, :note, :year, :start, :end, :duplicateOf, :text, :scope)
            """)
        let fact = try RawInsert(db, sql: """
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
                    try year.run { row in
                        row.bind(y)
                        row.bind("\(y)年")
                    }
                }
            }
            // Bound in the order the SQL above names its parameters.
            let reportID = try report.run { row in
                row.bind(fileID)
                row.bind(r.ordinal)
                row.bind(r.title)
                row.bind(r.body.rawValue)
                row.bind(r.regionMention)
                row.bind(r.region.code)
                row.bind(jsonArray(r.region.candidates))
                row.bind(r.region.given)
                row.bind(r.region.note)
                row.bind(r.period?.year)
                row.bind(r.period?.start)
                row.bind(r.period?.end)
                row.bind(r.duplicateOf.flatMap { reportIDs[$0] })
                row.bind(r.text)
                row.bind(r.national ? "national" : "local")
            }
            reportIDs[r.ordinal] = reportID
            guard r.duplicateOf == nil else { continue }
            for f in r.facts {
                // A code dropped from activities.csv since extraction cannot be stored under its name.
                let code = knownActivities.contains(f.activityCode) ? f.activityCode : Activity.otherCode
                try fact.run { row in
                    row.bind(reportID)
                    row.bind(r.body.rawValue)
                    row.bind(r.region.code)
                    row.bind(r.period?.year)
                    row.bind(code)
                    row.bind(f.value)
                    row.bind(f.qualifier.rawValue)
                    row.bind(f.unit)
                    row.bind(f.section.rawValue)
                    row.bind(f.isPart)
                    row.bind(f.isCombined)
                    row.bind(f.phrase ?? (code == f.activityCode ? nil : f.activityCode))
                    row.bind(f.evidence)
                    row.bind(f.range.lowerBound)
                    row.bind(f.range.upperBound)
                }
                factCount += 1
            }
        }
        return Written(fileID: fileID, facts: factCount)
    }

    /// When the file was stored, as `2026-11-22T23:32:13Z`.
    private static let timestamp = Date.ISO8601FormatStyle()

    private static func jsonArray(_ codes: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: codes)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
