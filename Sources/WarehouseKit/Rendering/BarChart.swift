/// A horizontal bar chart of one measure, for the terminal: one labelled bar per row, drawn
/// with the eighth blocks ▏▎▍▌▋▊▉█ so that close figures still differ, labels aligned by display
/// width, each bar followed by its figure as the table shows it (`170+`, `≈2000`).
public struct BarChart: Sendable {
    public enum ChartError: Error, Sendable, CustomStringConvertible {
        case noSuchColumn(String, columns: [String])
        case noMeasure(numeric: [String])

        public var description: String {
            switch self {
            case .noSuchColumn(let name, let columns):
                "--chart: the result has no column '\(name)' (columns: \(columns.joined(separator: ", ")))"
            case .noMeasure(let numeric):
                numeric.isEmpty
                    ? "--chart needs a column of numbers to draw; the result has none"
                    : "--chart needs one measure; choose one of \(numeric.joined(separator: ", ")) with --measure"
            }
        }
    }

    /// The whole line's width; the bars take what the labels and figures leave.
    public var width: Int
    /// Labels wider than this are cut with an ellipsis.
    public static let maximumLabelWidth = 30
    static let blocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    public init(width: Int = 80) {
        self.width = width
    }

    /// Draws `measure` (else the query's chart hint, else `value`, else the only numeric column
    /// that is not an identifier, rank or year) against the hinted labels or the first text column.
    public func render(_ table: ResultTable, measure: String? = nil) throws(ChartError) -> String {
        let m = try measureIndex(table, named: measure ?? table.hints.chartMeasure)
        let labelColumns = try labelIndices(table, measure: m)
        let qualifier = QualifiedMeasures.pairs(table.columns)[m]
        let labels = table.rows.map { row in
            DisplayWidth.truncate(
                labelColumns.map { row[$0].text }.filter { !$0.isEmpty }.joined(separator: " "),
                to: Self.maximumLabelWidth)
        }
        let figures = table.rows.map { row in
            qualifier.map { QualifiedMeasures.display(row[m], qualifier: row[$0]) } ?? row[m].text
        }
        let values = table.rows.map { $0[m].number ?? 0 }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let figureWidth = figures.map(DisplayWidth.of).max() ?? 0
        let barWidth = max(10, width - labelWidth - figureWidth - 3)  // " │" and " "
        let top = values.max() ?? 0
        var out = ""
        for (i, label) in labels.enumerated() {
            let bar = top > 0 ? Self.bar(values[i] / top * Double(barWidth)) : ""
            out += DisplayWidth.pad(label, to: labelWidth) + " │" + DisplayWidth.pad(bar, to: barWidth)
                + " " + DisplayWidth.pad(figures[i], to: figureWidth, right: true) + "\n"
        }
        return out
    }

    /// A bar `length` columns long, to the nearest eighth of a column.
    static func bar(_ length: Double) -> String {
        let eighths = Int((max(0, length) * 8).rounded())
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(blocks[eighths % 8 - 1]) }
        return bar
    }

    private func measureIndex(_ table: ResultTable, named name: String?) throws(ChartError) -> Int {
        if let name {
            guard let i = table.index(of: name) else { throw .noSuchColumn(name, columns: table.columns) }
            return i
        }
        if let i = table.index(of: "value") { return i }
        let numeric = table.columns.indices.filter { i in
            let name = table.columns[i]
            let identifying = name == "rank" || name == "year" || name.hasSuffix("_id") || name.hasSuffix("_code")
            return !identifying && table.rows.contains { $0[i].isNumeric }
        }
        guard numeric.count == 1 else { throw .noMeasure(numeric: numeric.map { table.columns[$0] }) }
        return numeric[0]
    }

    private func labelIndices(_ table: ResultTable, measure: Int) throws(ChartError) -> [Int] {
        if !table.hints.chartLabels.isEmpty {
            return try table.hints.chartLabels.map { (name: String) throws(ChartError) -> Int in
                guard let i = table.index(of: name) else { throw .noSuchColumn(name, columns: table.columns) }
                return i
            }
        }
        let text = table.columns.indices.first { i in
            i != measure && !table.columns[i].hasSuffix("qualifier") && table.rows.contains { !$0[i].isNumeric && $0[i] != .null }
        }
        return [text ?? 0]
    }
}
