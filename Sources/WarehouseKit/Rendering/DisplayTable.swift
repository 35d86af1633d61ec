/// A result as the table format and the chart show it: text cells, the qualifier columns merged
/// into their measures (see `QualifiedMeasures`), and which columns hold numbers.
public struct DisplayTable: Sendable, Equatable {
    public var headers: [String]
    /// Columns of numbers (with their qualifier marks) are right-aligned.
    public var rightAligned: [Bool]
    public var rows: [[String]]

    public init(headers: [String], rightAligned: [Bool], rows: [[String]]) {
        self.headers = headers
        self.rightAligned = rightAligned
        self.rows = rows
    }

    public init(_ table: ResultTable) {
        let pairs = QualifiedMeasures.pairs(table.columns)
        let merged = Set(pairs.values)
        let kept = table.columns.indices.filter { !merged.contains($0) }
        headers = kept.map { table.columns[$0] }
        rightAligned = kept.map { i in
            table.rows.contains { $0[i].isNumeric } && table.rows.allSatisfy { $0[i].isNumeric || $0[i] == .null }
        }
        rows = table.rows.map { row in
            kept.map { i in
                if let q = pairs[i] { return QualifiedMeasures.display(row[i], qualifier: row[q]) }
                return row[i].text
            }
        }
    }
}
