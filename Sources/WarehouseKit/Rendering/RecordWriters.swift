import Foundation

/// CSV (RFC 4180, header row), JSON (array of objects), JSON lines and Markdown.
public enum RecordWriters {
    public static func csv(_ table: ResultTable) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [table.columns.map(field).joined(separator: ",")]
        lines += table.rows.map { $0.map { field($0.text) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func jsonLines(_ table: ResultTable) -> String {
        table.rows.map { object(table, $0) + "\n" }.joined()
    }

    public static func json(_ table: ResultTable) -> String {
        "[" + table.rows.map { "\n  " + object(table, $0) }.joined(separator: ",") + (table.rows.isEmpty ? "]\n" : "\n]\n")
    }

    public static func markdown(_ table: ResultTable) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["| " + table.columns.map(escape).joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.indices.map { i in
            table.rows.contains(where: { $0[i].isNumeric }) ? " ---: |" : " --- |"
        }.joined())
        lines += table.rows.map { "| " + $0.map { escape($0.text) }.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func object(_ table: ResultTable, _ row: [ResultTable.Cell]) -> String {
        "{" + zip(table.columns, row).map { column, cell in
            let written = table.hints.jsonColumns.contains(column) ? embedded(cell) : nil
            return "\(quote(column)):\(written ?? value(cell))"
        }.joined(separator: ",") + "}"
    }

    /// A JSON column's text as JSON, on one line; nil when it is not valid JSON (then it is
    /// written as a string, so nothing is lost).
    static func embedded(_ cell: ResultTable.Cell) -> String? {
        guard case .text(let text) = cell,
            let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return nil }
        if !text.contains(where: { $0 == "\n" || $0 == "\r" }) { return text.trimmingCharacters(in: .whitespaces) }
        guard let data = try? JSONSerialization.data(withJSONObject: parsed, options: [.fragmentsAllowed, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .null: "null"
        case .integer(let i): String(i)
        case .real(let d): d.isFinite ? cell.text : "null"
        case .text(let s): quote(s)
        }
    }

    /// JSON string literal with non-ASCII kept as is (readable Chinese).
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The table in `format`; the table format cut to `maxWidth` when one is given.
    public static func render(_ table: ResultTable, as format: OutputFormat, maxWidth: Int? = nil) -> String {
        switch format {
        case .table: TableRenderer(maxWidth: maxWidth).render(table)
        case .csv: csv(table)
        case .json: json(table)
        case .jsonl: jsonLines(table)
        case .markdown: markdown(table)
        }
    }
}
