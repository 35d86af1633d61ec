/// Facts as a reader checks them: one heading line per fact (what was counted, where, when, the
/// figure as the report writes it) and the evidence clause below it, its figure in colour when
/// the output is a terminal.
///
/// Reads the columns of the `evidence` query by name; a missing column is left out.
public struct FactListRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func render(_ table: ResultTable) -> String {
        let qualifier = QualifiedMeasures.pairs(table.columns)
        var out = ""
        for row in table.rows {
            func text(_ column: String) -> String {
                table.index(of: column).map { row[$0].text } ?? ""
            }
            let valueIndex = table.index(of: "value")
            let figure = valueIndex.map { v in
                qualifier[v].map { QualifiedMeasures.display(row[v], qualifier: row[$0]) } ?? row[v].text
            } ?? ""
            var notes: [String] = []
            if text("section") == "plan" { notes.append("plan") }
            if text("is_part") == "1" { notes.append("part of a total") }
            if text("is_combined") == "1" { notes.append("covers several activities") }
            notes.append("report \(text("report_id"))" + (text("start_offset").isEmpty ? "" : " @\(text("start_offset"))"))
            let place = [text("region"), text("region_code")].filter { !$0.isEmpty }.joined(separator: " ")
            let heading = ["#" + text("fact_id"), place, text("year"), text("body"), text("activity"), text("activity_zh"),
                           figure + text("unit")].filter { !$0.isEmpty && $0 != "#" }
            out += heading.joined(separator: "  ") + "  (" + notes.joined(separator: ", ") + ")\n"
            let evidence = text("evidence")
            let shown: String =
                if colour, let value = valueIndex.flatMap({ row[$0].number }) {
                    EvidenceHighlighter.highlighted(evidence, value: value, unit: text("unit"))
                } else {
                    evidence
                }
            out += "    " + shown + "\n"
        }
        return out
    }
}
