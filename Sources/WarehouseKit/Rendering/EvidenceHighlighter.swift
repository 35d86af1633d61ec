/// Finds the figure inside a fact's evidence clause so that `warehouse facts` can show the
/// reader which number was taken, and marks it with ANSI colour for a terminal.
///
/// The figure is the run of numerals (digits, Chinese numerals, 多/余) just before the fact's unit;
/// where the unit occurs several times, the run whose digits spell the value wins. Failing that,
/// the value's digits themselves.
public enum EvidenceHighlighter {
    static let numerals: Set<Character> = Set("0123456789０１２３４５６７８９.．,，〇零一二两三四五六七八九十百千万亿多余")
    static let qualifierMarks: Set<Character> = ["多", "余"]
    public static let start = "\u{1B}[1;33m"
    public static let end = "\u{1B}[0m"

    /// The characters of the figure (with its unit), as offsets into the evidence.
    public static func figure(in evidence: String, value: Double, unit: String) -> Range<Int>? {
        let characters = Array(evidence)
        let digits = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        let unitCharacters = Array(unit)
        var runs: [Range<Int>] = []
        if !unitCharacters.isEmpty, characters.count >= unitCharacters.count {
            for at in 0...(characters.count - unitCharacters.count)
            where Array(characters[at..<(at + unitCharacters.count)]) == unitCharacters {
                var from = at
                while from > 0, numerals.contains(characters[from - 1]) { from -= 1 }
                let run = characters[from..<at]
                if run.contains(where: { !qualifierMarks.contains($0) }) { runs.append(from..<(at + unitCharacters.count)) }
            }
        }
        if let exact = runs.first(where: { String(characters[$0].filter(\.isASCII).filter(\.isNumber)) == digits }) {
            return exact
        }
        if let first = runs.first { return first }
        guard let found = evidence.range(of: digits) else { return nil }
        let from = evidence.distance(from: evidence.startIndex, to: found.lowerBound)
        return from..<(from + digits.count)
    }

    /// The evidence with its figure wrapped in colour codes (unchanged when no figure is found).
    public static func highlighted(_ evidence: String, value: Double, unit: String) -> String {
        guard let range = figure(in: evidence, value: value, unit: unit) else { return evidence }
        let characters = Array(evidence)
        return String(characters[..<range.lowerBound]) + start + String(characters[range]) + end
            + String(characters[range.upperBound...])
    }
}
