/// Rows returned by a query, in a form every renderer understands.
public struct ResultTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)

        /// The cell as plain text: integers without a decimal point, whole reals as integers.
        public var text: String {
            switch self {
            case .null: ""
            case .integer(let i): String(i)
            case .real(let d):
                d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            case .text(let s): s
            }
        }

        /// The cell as a number, for measures; nil for text and NULL.
        public var number: Double? {
            switch self {
            case .integer(let i): Double(i)
            case .real(let d): d
            default: nil
            }
        }

        public var isNumeric: Bool {
            switch self {
            case .integer, .real: true
            default: false
            }
        }
    }

    /// How a query's author wants the result presented (see `CannedQuery`).
    public struct Hints: Sendable, Hashable {
        /// Columns holding JSON text: json and jsonl write their value as JSON.
        public var jsonColumns: Set<String> = []
        /// The columns `--chart` labels its bars with, joined by a space.
        public var chartLabels: [String] = []
        /// The column `--chart` draws.
        public var chartMeasure: String?

        public init(jsonColumns: Set<String> = [], chartLabels: [String] = [], chartMeasure: String? = nil) {
            self.jsonColumns = jsonColumns
            self.chartLabels = chartLabels
            self.chartMeasure = chartMeasure
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]
    public var hints: Hints

    public init(columns: [String], rows: [[Cell]], hints: Hints = Hints()) {
        self.columns = columns
        self.rows = rows
        self.hints = hints
    }

    public func index(of column: String) -> Int? {
        columns.firstIndex(of: column)
    }

    /// The table without the named columns (for a narrower view of a wide query).
    public func dropping(_ names: Set<String>) -> ResultTable {
        let kept = columns.indices.filter { !names.contains(columns[$0]) }
        return ResultTable(columns: kept.map { columns[$0] }, rows: rows.map { row in kept.map { row[$0] } }, hints: hints)
    }
}
