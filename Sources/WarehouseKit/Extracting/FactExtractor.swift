/// Finds every activity count in a report's text.
///
/// Numbers followed by a counting unit are found first (`QuantityScanner`), then each is
/// attributed inside its clause by `Attribution`; whatever names no activity is kept as `other`
/// with its phrase, so the vocabulary can grow from real reports.
public struct FactExtractor: Sendable {
    public let cues: CueTable
    private let scanner = QuantityScanner()

    public init(cues: CueTable) {
        self.cues = cues
    }

    /// - Parameters:
    ///   - text: the report's normalized text; fact ranges are offsets into it.
    ///   - sections: review/plan spans of `text`; facts inside a plan span get `.plan`.
    public func extract(from text: some StringProtocol, sections: [SectionSpan], body: Body) -> [Fact] {
        let s = ScalarText.scalars(of: text)
        let quantities = scanner.quantities(in: s)
        let clauses = Clauses.containing(quantities.map(\.numberStart), in: s)
        var state = Attribution(s: s, body: body, cues: cues, sections: sections)
        var next = 0
        for clause in clauses {
            while next < quantities.count, quantities[next].numberStart < clause.range.lowerBound { next += 1 }
            var inClause: [Quantity] = []
            while next < quantities.count, quantities[next].numberStart < clause.range.upperBound {
                inClause.append(quantities[next])
                next += 1
            }
            state.attribute(inClause, in: clause)
        }
        return state.facts
    }
}

extension FactExtractor: ActivityWitness {
    public func activity(in text: Substring, bodies: [Body]) -> [Body: BodyActivity] {
        var result: [Body: BodyActivity] = [:]
        for body in bodies {
            var seen = Set<String>()
            var found = BodyActivity()
            for fact in extract(from: text, sections: [], body: body) where fact.activityCode != Activity.otherCode {
                guard seen.insert("\(fact.activityCode)=\(fact.value)").inserted else { continue }
                found.facts += 1
                let others = bodies.filter { $0 != body }
                if let activity = cues.activities.first(where: { $0.code == fact.activityCode }),
                   !others.contains(where: activity.applies) {
                    found.exclusive += 1
                }
            }
            result[body] = found
        }
        return result
    }
}
