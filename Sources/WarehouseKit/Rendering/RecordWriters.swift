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
        table.rows.map { object(table.columns, $0) + "\n" }.joined()
    }

    public static func json(_ table: ResultTable) -> String {
        "[" + table.rows.map { "\n  " + object(table.columns, $0) }.joined(separator: ",") + (table.rows.isEmpty ? "]\n" : "\n]\n")
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

    static func object(_ columns: [String], _ row: [ResultTable.Cell]) -> String {
        "{" + zip(columns, row).map { "\(quote($0)):\(value($1))" }.joined(separator: ",") + "}"
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

    public static func render(_ table: ResultTable, as format: OutputFormat) -> String {
        switch format {
        case .table: TableRenderer().render(table)
        case .csv: csv(table)
        case .json: json(table)
        case .jsonl: jsonLines(table)
        case .markdown: markdown(table)
        }
    }
}
