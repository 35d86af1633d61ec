import GRDB

/// One report as `warehouse show report` prints it: where it came from, what the loader decided
/// about it (body, region and why, period, copy), and every fact it gave in text order, plan
/// sections included, so that a reader can check each number against its sentence.
public struct ReportDetail: Sendable {
    public enum LookupError: Error, Sendable, CustomStringConvertible {
        case noSuchReport(Int64)

        public var description: String {
            switch self {
            case .noSuchReport(let id): "no report with id \(id); `warehouse reports` lists them"
            }
        }
    }

    /// Label and value, in reading order.
    public var fields: [(label: String, value: String)]
    /// The facts, with the columns of the `evidence` query.
    public var facts: ResultTable

    public static func fetch(reportID: Int64, in db: Database) throws -> ReportDetail {
        let sql = """
            SELECT r.report_id, sf.name AS file, sf.path, r.ordinal, r.title, r.body_code, b.name_zh AS body_zh,
                   r.region_mention, r.region_code, g.full_name, r.region_candidates, r.region_given, r.region_note,
                   r.year, r.period_start, r.period_end, length(r.text) AS characters,
                   CASE WHEN d.report_id IS NULL THEN NULL ELSE dsf.name || '#' || d.ordinal END AS duplicate_of
            FROM report r
            JOIN source_file sf ON sf.file_id = r.file_id
            JOIN dim_body b ON b.body_code = r.body_code
            LEFT JOIN dim_region g ON g.region_code = r.region_code
            LEFT JOIN report d ON d.report_id = r.duplicate_of
            LEFT JOIN source_file dsf ON dsf.file_id = d.file_id
            WHERE r.report_id = :id
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: ["id": reportID]) else {
            throw LookupError.noSuchReport(reportID)
        }
        func text(_ column: String) -> String {
            (row[column] as DatabaseValue).storage.value.map { "\($0)" } ?? ""
        }
        let region: String =
            if let code = row["region_code"] as String? {
                "\(text("full_name")) (\(code))" + (text("region_given") == "1" ? ", given" : "")
            } else {
                "open: \(text("region_mention").isEmpty ? "(no mention)" : text("region_mention")), candidates \(text("region_candidates"))"
            }
        let start = text("period_start"), end = text("period_end")
        var fields: [(label: String, value: String)] = [
            ("report", text("report_id")),
            ("file", "\(text("file")) #\(text("ordinal"))  (\(text("path")))"),
            ("title", text("title")),
            ("body", "\(text("body_code")) \(text("body_zh"))"),
            ("region", region),
            ("year", text("year").isEmpty ? "unknown" : text("year")),
        ]
        if !start.isEmpty, start != end { fields.append(("period", "\(start)–\(end)")) }
        if !text("region_note").isEmpty { fields.append(("region note", text("region_note"))) }
        if !text("duplicate_of").isEmpty { fields.append(("copy of", text("duplicate_of"))) }
        fields.append(("text", "\(text("characters")) characters"))

        let facts = try QueryRunner.run(sql: """
            SELECT f.fact_id, f.report_id, f.activity_code AS activity, a.name_zh AS activity_zh, f.value, f.qualifier,
                   f.unit, f.section, f.is_part, f.is_combined, f.phrase, f.evidence, f.start_offset
            FROM fact_activity f
            JOIN dim_activity a ON a.activity_code = f.activity_code
            WHERE f.report_id = :id
            ORDER BY f.start_offset, f.fact_id
            """, arguments: ["id": reportID], in: db)
        return ReportDetail(fields: fields, facts: facts)
    }

    /// The metadata as aligned `label: value` lines.
    public var summary: String {
        let width = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        return fields.map { DisplayWidth.pad($0.label + ":", to: width + 1) + " " + $0.value }.joined(separator: "\n") + "\n"
    }
}
