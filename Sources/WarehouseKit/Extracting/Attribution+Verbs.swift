/// Verbs that decide what a count is: a verb alone taking the noun of the count before, and
/// verbs side by side each giving a fact.
extension Attribution {
    /// 制定省级地方性法规7件、修改6件、废止11件; 审议法规草案11部,通过8部: a count with a verb
    /// and no noun of its own counts the noun of the count before, as the verb's split cue says
    /// (修改…法规), within the same kind of activity.
    func elliptical(_ c: Context, previous: Previous?) -> Target? {
        guard let previous else { return nil }
        let own = c.lower..<c.q.range.lowerBound
        guard !own.isEmpty, !hasAnyCue(own, c.matches) else { return nil }
        guard !isFollowedByWord(c.q, itemEnd: c.itemRange.upperBound),
              let activity = cues.elliptical(item: own, previous: previous.nounSource, for: c.q, in: s, body: body) else { return nil }
        // 受理刑事案件602件,审结591件: the count before need not be an activity of its own, but
        // when it is, the verb stays within its kind (开展执法检查5项,通过3项 is no law passed).
        if case .activities(let codes, _) = previous.target, let code = codes.first,
           cues.activities[activity].category != cues.activities[code].category {
            return nil
        }
        return .activities([activity], combined: false)
    }

    /// 立案办复912件提案, 制定修改地方性法规9件, 审议通过法规8件: verbs side by side before one
    /// noun each did it to the things counted, so each verb's split cue gives a fact.
    func withSerialVerbs(_ target: Target, _ c: Context) -> Target {
        guard case .activities(let codes, false) = target, codes.count == 1 else { return target }
        let after = c.q.range.upperBound
        let governing = c.matches.filter { m in
            guard let gap = m.gap, m.range.lowerBound >= c.lower else { return false }
            if gap.lowerBound <= c.q.range.lowerBound && gap.upperBound >= after { return gap.upperBound - after <= 3 }
            return m.range.upperBound <= c.q.range.lowerBound && isBlank(m.range.upperBound..<c.q.range.lowerBound)
                || m.range.upperBound == c.q.range.lowerBound
        }
        guard governing.count > 1,
              let own = governing.first(where: { cues.activity(of: $0, for: c.q, in: s) == codes[0] }) else { return target }
        // Verbs written side by side, each a split cue's first part ending the same noun.
        let chain = governing.filter { $0.range.upperBound == own.range.upperBound }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        var activities = codes
        for (a, b) in zip(chain, chain.dropFirst()) where a.gap!.lowerBound == b.range.lowerBound || b.gap!.lowerBound == a.range.lowerBound {
            for m in [a, b] {
                if let activity = cues.activity(of: m, for: c.q, in: s), !activities.contains(activity) { activities.append(activity) }
            }
        }
        return .activities(activities, combined: false)
    }
}
