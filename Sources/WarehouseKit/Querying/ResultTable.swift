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

        public var isNumeric: Bool {
            switch self {
            case .integer, .real: true
            default: false
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }
}
