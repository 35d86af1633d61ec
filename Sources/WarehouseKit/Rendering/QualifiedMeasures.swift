/// The convention that lets a query return a figure with its qualifier in two raw columns
/// (kept apart in csv and json, where tools need them) while the table and the chart show them
/// as the reports do: `170+` for at least 170 (多/余), `≈2000` for about 2000 (近/约).
///
/// A column named `qualifier` qualifies the column `value`; a column named `X_qualifier`
/// qualifies the column `X`. A qualifier column without its measure is shown as it is.
public enum QualifiedMeasures {
    /// The qualifier column of each qualified measure column, by index.
    public static func pairs(_ columns: [String]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (q, name) in columns.enumerated() {
            let measure: String
            if name == "qualifier" {
                measure = "value"
            } else if name.hasSuffix("_qualifier") {
                measure = String(name.dropLast("_qualifier".count))
            } else {
                continue
            }
            if let m = columns.firstIndex(of: measure) { result[m] = q }
        }
        return result
    }

    /// The figure as a report would write it; an empty string for a missing figure.
    public static func display(_ value: ResultTable.Cell, qualifier: ResultTable.Cell) -> String {
        guard value != .null else { return "" }
        switch qualifier.text {
        case "at_least": return value.text + "+"
        case "approx": return "≈" + value.text
        default: return value.text
        }
    }
}
