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
        // The views analysts read (Schema/003_views.sql), so that the names and joins are theirs.
        let sql = """
            SELECT v.*, (SELECT d.file || '#' || d.ordinal FROM v_reports d WHERE d.report_id = v.duplicate_of) AS copy_of
            FROM v_reports v
            WHERE v.report_id = :id
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: ["id": reportID]) else {
            throw LookupError.noSuchReport(reportID)
        }
        func text(_ column: String) -> String {
            (row[column] as DatabaseValue).storage.value.map { "\($0)" } ?? ""
        }
        let region: String =
            if let code = row["region_code"] as String? {
                "\(text("region_full_name")) (\(code))" + (text("region_given") == "1" ? ", given" : "")
            } else {
                "open: \(text("region").isEmpty ? "(no mention)" : text("region")), candidates \(text("region_candidates"))"
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
        if !text("copy_of").isEmpty { fields.append(("copy of", text("copy_of"))) }
        fields.append(("text", "\(text("text_length")) characters"))

        let facts = try QueryRunner.run(sql: """
            SELECT fact_id, report_id, activity_code AS activity, activity_zh, value, qualifier, unit, section,
                   is_part, is_combined, phrase, evidence, start_offset
            FROM v_facts
            WHERE report_id = :id
            ORDER BY start_offset, fact_id
            """, arguments: ["id": reportID], in: db)
        return ReportDetail(fields: fields, facts: facts)
    }

    /// The metadata as aligned `label: value` lines.
    public var summary: String {
        let width = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        return fields.map { DisplayWidth.pad($0.label + ":", to: width + 1) + " " + $0.value }.joined(separator: "\n") + "\n"
    }
}
