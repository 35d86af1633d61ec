/// Renders rows as an aligned text table: numbers right-aligned, text left-aligned, padded by
/// display width so that Chinese columns line up.
///
/// With a `maxWidth` (the terminal's), the widest columns are narrowed until the table fits:
/// text cells are cut with an ellipsis, a column of numbers only down to its widest number (so
/// only its header is cut). Without one (output piped to a file or another program) nothing is cut.
public struct TableRenderer: Sendable {
    /// The terminal's width in columns; nil for no limit.
    public var maxWidth: Int?

    /// A text column is never narrowed below this (or its natural width, if smaller).
    public static let minimumColumnWidth = 6
    static let gap = "  "

    public init(maxWidth: Int? = nil) {
        self.maxWidth = maxWidth
    }

    public func render(_ table: ResultTable) -> String {
        render(DisplayTable(table))
    }

    public func render(_ table: DisplayTable) -> String {
        var cellWidths = table.headers.map { _ in 0 }
        for row in table.rows {
            for (i, cell) in row.enumerated() { cellWidths[i] = max(cellWidths[i], DisplayWidth.of(cell)) }
        }
        var widths = zip(table.headers, cellWidths).map { max(DisplayWidth.of($0), $1) }
        if let maxWidth {
            let floors = widths.indices.map { i in
                let floor = min(widths[i], Self.minimumColumnWidth)
                return table.rightAligned[i] ? max(floor, cellWidths[i]) : floor
            }
            widths = fitted(widths, floors: floors, into: maxWidth)
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                DisplayWidth.pad(DisplayWidth.truncate(cell, to: widths[i]), to: widths[i], right: table.rightAligned[i])
            }.joined(separator: Self.gap).trimmingTrailingSpaces
        }
        var out = [line(table.headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: Self.gap)]
        out += table.rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// Narrows the widest column above its floor, one display column at a time, until the line fits.
    func fitted(_ natural: [Int], floors: [Int], into maxWidth: Int) -> [Int] {
        var widths = natural
        var total = widths.reduce(0, +) + Self.gap.count * max(0, widths.count - 1)
        while total > maxWidth {
            let candidates = widths.indices.filter { widths[$0] > floors[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
