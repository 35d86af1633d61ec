/// Renders rows as an aligned text table: numbers right-aligned, text left-aligned, padded by
/// display width so that Chinese columns line up.
///
/// With a `maxWidth` (the terminal's), the widest text columns are narrowed until the table
/// fits, and their cells cut with an ellipsis; numbers are never cut. Without one (output piped
/// to a file or another program) nothing is cut.
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
        var widths = table.headers.map(DisplayWidth.of)
        for row in table.rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        if let maxWidth { widths = fitted(widths, rightAligned: table.rightAligned, into: maxWidth) }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                DisplayWidth.pad(DisplayWidth.truncate(cell, to: widths[i]), to: widths[i], right: table.rightAligned[i])
            }.joined(separator: Self.gap).trimmingTrailingSpaces
        }
        var out = [line(table.headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: Self.gap)]
        out += table.rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// Narrows the widest text column one column at a time until the line fits.
    func fitted(_ natural: [Int], rightAligned: [Bool], into maxWidth: Int) -> [Int] {
        var widths = natural
        var total = widths.reduce(0, +) + Self.gap.count * max(0, widths.count - 1)
        while total > maxWidth {
            let candidates = widths.indices.filter {
                !rightAligned[$0] && widths[$0] > min(natural[$0], Self.minimumColumnWidth)
            }
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
