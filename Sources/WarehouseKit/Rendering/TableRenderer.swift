/// Renders rows as an aligned text table: numbers right-aligned, text left-aligned, padded by
/// display width so that Chinese columns line up.
public struct TableRenderer: Sendable {
    public init() {}

    public func render(_ table: ResultTable) -> String {
        let cells = table.rows.map { $0.map(\.text) }
        var widths = table.columns.map(DisplayWidth.of)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        let numeric = table.columns.indices.map { i in
            table.rows.contains { $0[i].isNumeric } && table.rows.allSatisfy { $0[i].isNumeric || $0[i] == .null }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        var out = [line(table.columns), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
