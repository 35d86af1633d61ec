/// What a count counts: the noun right after its unit, the cue that ends the noun phrase before
/// it, a cue further on for occasions and people, and the items of a list that share one count.
extension Attribution {
    /// 立案的249件提案: an activity in a relative clause right before the number says what
    /// happened to the things counted, which outranks the noun after the unit.
    func cueBeforeRelative(_ c: Context) -> Int? {
        let n = c.q.range.lowerBound
        guard n >= 1, s[n - 1] == "的",
              let own = nearestCue(in: c.lower..<(n - 1), for: c.q, matches: c.matches),
              own.match.range.upperBound == n - 1 else { return nil }
        return own.activity
    }

    /// A cue that directly follows the unit names what is counted and wins over any cue before:
    /// 召开51次党组会议, 26篇高质量调研报告, 2件议案和93件建议, 320件(其中…)建议.
    func cueRightAfter(_ c: Context) -> Target? {
        var p = c.q.range.upperBound
        var windowEnd = c.windowEnd
        while p < windowEnd, s[p] == " " { p += 1 }
        if p < c.itemRange.upperBound, s[p] == "(" || s[p] == "（",
           let close = closingBracket(from: p, limit: c.itemRange.upperBound) {
            // 320件(其中政府302件…)建议: the counts in the bracket are its parts, the noun follows.
            p = close + 1
            windowEnd = c.itemRange.upperBound
        }
        var first: CueTable.Match?
        for m in c.matches {
            let start = m.start(after: c.q.range)
            guard start >= p, start <= p + 3, m.range.upperBound <= windowEnd,
                  cues.canCount(c.q, by: m), isModifier(p..<start) else { continue }
            // A verb's split cue (立案…提案) says more than the noun alone (提案).
            if let b = first {
                let bStart = b.start(after: c.q.range)
                if bStart < start { continue }
                if bStart == start && (b.isSplit && !m.isSplit || b.isSplit == m.isSplit && b.range.count >= m.range.count) { continue }
            }
            first = m
        }
        guard let first else { return nil }
        // 清理了2013年以前制定的180部法规: a verb in a relative clause of its own time describes
        // what is counted; it is not what was done to it in the period.
        if let gap = first.gap, gap.lowerBound < c.q.range.lowerBound, s[gap.lowerBound] == "的",
           containsAny(c.lower..<first.range.lowerBound, Words.earlierTimes) || OrdinalWords.years(in: Array(s[c.lower..<first.range.lowerBound])).count > 0 {
            return .other(combined: false)
        }
        // 39件重点提案: the noun after the unit is what is counted even when a veto keeps it
        // from the activity; no cue before the count may claim it then.
        guard let activity = cues.activity(of: first, for: c.q, in: s) else { return .other(combined: false) }
        let best = (activity: activity, match: first)
        // 251件提案全部办结: a cue in the predicate right after says what was done with them.
        var p2 = best.match.range.upperBound
        var advanced = true
        while advanced {
            advanced = false
            for adverb in Words.adverbs where matchScalars(s, at: p2, adverb) {
                p2 += adverb.count
                advanced = true
                break
            }
        }
        if p2 > best.match.range.upperBound,
           let predicate = c.matches.first(where: { $0.range.lowerBound == p2 && $0.range.upperBound <= windowEnd }),
           let activity = cues.activity(of: predicate, for: c.q, in: s),
           cues.activities[activity].category == cues.activities[best.activity].category {
            // 93件代表建议全部办结 stays a count of suggestions: a predicate of proposals does not
            // turn it into one.
            return .activities([activity], combined: false)
        }
        return .activities([best.activity], combined: false)
    }

    /// A cue further after the number, across a noun phrase: 12次组织代表深入企业视察调研,
    /// 对2部法律法规实施情况开展执法检查, 1285人进行了综合培训. Occasions (次, 场), people and
    /// laws (部) are counted this way, and anything before 等 + cue (39篇视察、调研等信息);
    /// 8个中心城区进行系统调研 counts districts, not surveys.
    func cueLaterAfter(_ c: Context) -> Int? {
        let farReaching = c.q.kind == .event || c.q.kind == .person || c.q.baseUnit == "部"
        var first: CueTable.Match?
        for m in c.matches where m.range.lowerBound >= c.q.range.upperBound && m.range.upperBound <= c.windowEnd {
            guard farReaching || (m.range.lowerBound > 0 && s[m.range.lowerBound - 1] == "等"),
                  cues.canCount(c.q, by: m), !isInTopic(m, after: c.q, clauseEnd: c.clause.range.upperBound)
            else { continue }
            if let b = first, b.range.lowerBound < m.range.lowerBound
                || (b.range.lowerBound == m.range.lowerBound && b.range.count >= m.range.count) {
                continue
            }
            first = m
        }
        return first.flatMap { cues.activity(of: $0, for: c.q, in: s) }
    }

    /// Whether a cue after a count names what the counted acts were about, not the acts: in
    /// 先后3次就城市更新、常委会重要工作等事项向区委请示报告 the occasions are requests to the party
    /// committee, and in 两次听取关于食品安全法执法检查整改情况的报告 they are hearings of a report. A topic
    /// opened by 就/关于/围绕 runs until a verb of its own (开展, 组织 …) takes over; a cue followed
    /// by 报告 in a 关于 phrase is part of the report's name.
    func isInTopic(_ m: CueTable.Match, after q: Quantity, clauseEnd: Int) -> Bool {
        let gap = q.range.upperBound..<m.range.lowerBound
        if containsAny(gap, Words.about) && containsAny(m.range.upperBound..<clauseEnd, Words.report) { return true }
        var inTopic = false
        var i = gap.lowerBound
        while i < gap.upperBound {
            if let marker = Words.topicMarkers.first(where: { matchScalars(s, at: i, $0) }) {
                inTopic = true
                i += marker.count
                continue
            }
            if inTopic, Words.actingVerbs.contains(where: { matchScalars(s, at: i, $0) }) { inTopic = false }
            i += 1
        }
        return inTopic
    }

    /// The next count in the clause, or the start of its list item when that is another item.
    func afterWindowEnd(_ q: Quantity, index k: Int, in quantities: [Quantity], clause: Clause) -> Int {
        guard k + 1 < quantities.count else { return clause.range.upperBound }
        let next = quantities[k + 1]
        if let nextItem = clause.items.first(where: { $0.contains(next.numberStart) }), !nextItem.contains(q.numberStart) {
            return min(next.range.lowerBound, nextItem.lowerBound)
        }
        return next.range.lowerBound
    }

    /// Whether a gap between a unit and a cue is a short modifier (高质量, 反映, 拟), not a clause
    /// with its own verb (课题开展, 社区进行).
    func isModifier(_ gap: Range<Int>) -> Bool {
        for i in gap where !ScalarText.isHan(s[i]) { return false }
        return !containsAny(gap, Words.clauseInGap)
    }

    func closingBracket(from open: Int, limit: Int) -> Int? {
        var depth = 0
        var i = open
        while i < limit {
            switch s[i] {
            case "(", "（": depth += 1
            case ")", "）":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    // MARK: - Cues before the number

    /// The cue nearest before the number in its item, combined with the cues of the items before
    /// it that have no count of their own.
    func cueBefore(_ c: Context) -> Target? {
        if isFollowedByWord(c.q, itemEnd: c.itemRange.upperBound),
           c.q.kind == .event || CountingUnit.classifiers & c.q.unitBit != 0 {
            // 8个农贸市场: the classifier counts the noun after it. 三次发送: an adverbial count
            // of the verb after it. Either way not of the activity named before.
            return nil
        }
        let ownRange = c.lower..<c.q.range.lowerBound
        let own = nearestCue(in: ownRange, for: c.q, matches: c.matches)
        // 报备的重大事项2项, 执法检查办法等制度3项: after 的 or 等 the count has its own noun.
        let ownEnd = own?.match.range.upperBound ?? c.lower
        let gap = ownEnd..<c.q.range.lowerBound
        // 参加培训的代表达320余人次: people after 的 are those who took part in the activity;
        // 满意或基本满意的占97%: a share of those the rate is about.
        if containsAny(gap, Words.etcOrOf),
           !(c.q.kind == .person && areParticipants(gap)),
           !(c.q.kind == .percent && isShare(gap)) {
            return nil
        }
        // 区人大常委会共召集人民代表大会会议2次: a verb with an object of its own between the cue
        // and the count says what is counted; the cue was its subject.
        if own != nil, let verb = firstActingVerb(in: gap), c.q.range.lowerBound - verb > 1 { return nil }
        // 传达学习议题29个: a classifier at the end counts the noun right before it, unless what
        // stands between only completes the cue's noun (法律法规实施情况11部, 法规草案11部) or joins
        // another of the same kind (专项工作报告和计划预算审计报告46个).
        if CountingUnit.classifiers & c.q.unitBit != 0, gap.count > 1, !completesNoun(gap, of: own?.match) { return nil }
        // Without a usable cue of its own, the item must still name an activity (专题培训43次 after
        // 集中学习、专题研讨) or a rate (回访率均为100%) to share the cues of the items before it;
        // 软件园三期 names neither.
        guard own != nil || c.q.kind == .percent || hasAnyCue(ownRange, c.matches) else { return nil }
        var heads: [Int] = own.map { [$0.activity] } ?? []
        // The cues of `heads` as written, last item first.
        var headCues: [Range<Int>] = own.map { [$0.match.range] } ?? []
        var itemsNamingActivities = 1
        // 党组会议、常委会会议、理论学习中心组共开展集中学习15次: the items before a verb are who
        // acted, not activities counted together.
        let ownIsHead = own.map { isAfterVerb($0.match, itemStart: c.itemRange.lowerBound) } ?? false
        if !ownIsHead && c.lower <= c.itemRange.lowerBound {
            var j = c.item - 1
            while j >= 0, !c.starts.contains(where: c.clause.items[j].contains) {
                if let cue = nearestCue(in: c.clause.items[j], for: c.q, matches: c.matches) {
                    heads.append(cue.activity)
                    headCues.append(cue.match.range)
                    itemsNamingActivities += 1
                } else if hasAnyCue(c.clause.items[j], c.matches) {
                    itemsNamingActivities += 1
                }
                j -= 1
            }
        }
        guard !heads.isEmpty else { return nil }
        let distinct = orderedUnique(heads)
        let combined = distinct.count > 1 || itemsNamingActivities > heads.count
        // 办复率、满意率均为100%: rates are not added up, each rate named has the value.
        if c.q.kind == .percent { return .activities(distinct, combined: false) }
        // 视察、调研活动137次: the items' cues joined are one cue (视察调研) of the vocabulary,
        // which names what they are together.
        if distinct.count > 1, itemsNamingActivities == heads.count,
           let joined = cues.activity(ofWords: headCues.reversed().flatMap { s[$0] }, for: c.q, body: body) {
            return .activities([joined], combined: false)
        }
        // With a cue of its own, the item's activity must win among the items that can be
        // counted in the unit; without one, among every item that names an activity.
        let electorate = own == nil ? itemsNamingActivities : heads.count
        let counts = Dictionary(heads.map { ($0, 1) }, uniquingKeysWith: +)
        if let (winner, n) = counts.max(by: { $0.value < $1.value }), n * 2 > electorate {
            return .activities([winner], combined: combined)
        }
        return .other(combined: true)
    }

    /// 的占 between a rate's cue and its value: the share of those it names.
    func isShare(_ gap: Range<Int>) -> Bool {
        let words = trimmed(gap)
        return words.count == 2 && s[words.lowerBound] == "的" && s[words.lowerBound + 1] == "占"
    }

    /// Where the first verb that takes an object (召开, 召集, 开展 …) starts in `range`.
    func firstActingVerb(in range: Range<Int>) -> Int? {
        range.first { i in Words.objectVerbs.contains { matchScalars(s, at: i, $0) && i + $0.count <= range.upperBound } }
    }

    /// Whether the words between a cue and its count only complete the cue's noun: the state of
    /// what it names (实施情况, 执行情况), a draft of it (草案), or a second noun of the same head
    /// joined to it (和计划预算审计报告 after 专项工作报告).
    func completesNoun(_ gap: Range<Int>, of cue: CueTable.Match?) -> Bool {
        let words = trimmed(gap)
        if Words.nounComplements.contains(where: { $0.count == words.count && matchScalars(s, at: words.lowerBound, $0) }) {
            return true
        }
        guard let cue, let conjunction = Words.conjunctions.first(where: { matchScalars(s, at: words.lowerBound, $0) }),
              words.count > conjunction.count + 2, cue.range.count >= 2 else { return false }
        let head = s[(cue.range.upperBound - 2)..<cue.range.upperBound]
        return s[(words.upperBound - 2)..<words.upperBound].elementsEqual(head)
    }

    /// Whether a gap between a cue and a count of people is 的 + a noun for people (的代表达,
    /// 的委员共): the relative clause before 的 says what those people took part in.
    func areParticipants(_ gap: Range<Int>) -> Bool {
        guard gap.count >= 2, s[gap.lowerBound] == "的",
              let noun = Words.people.first(where: { matchScalars(s, at: gap.lowerBound + 1, $0) }) else { return false }
        let rest = (gap.lowerBound + 1 + noun.count)..<gap.upperBound
        return rest.allSatisfy { " 达为共计有约近".unicodeScalars.contains(s[$0]) }
    }

    func hasAnyCue(_ range: Range<Int>, _ matches: [CueTable.Match]) -> Bool {
        matches.contains { $0.range.upperBound > range.lowerBound && $0.range.upperBound <= range.upperBound }
    }

    func isFollowedByWord(_ q: Quantity, itemEnd: Int) -> Bool {
        var p = q.range.upperBound
        while p < itemEnd, s[p] == " " { p += 1 }
        return p < itemEnd && ScalarText.isHan(s[p])
    }

    func isAfterVerb(_ cue: CueTable.Match, itemStart: Int) -> Bool {
        guard cue.range.lowerBound > itemStart else { return false }
        return containsAny(itemStart..<cue.range.lowerBound, Words.actingVerbs)
    }

    /// The cue that ends nearest to the end of `range` (longest among equals) and can count `q`.
    /// A cue may start before the range if it ends inside it (建议、批评和意见 spans a 、).
    func nearestCue(
        in range: Range<Int>, for q: Quantity, matches: [CueTable.Match]
    ) -> (activity: Int, match: CueTable.Match)? {
        var nearest: CueTable.Match?
        for m in matches where m.range.upperBound > range.lowerBound && m.range.upperBound <= range.upperBound {
            guard cues.canCount(q, by: m) else { continue }
            if let b = nearest, b.range.upperBound > m.range.upperBound
                || (b.range.upperBound == m.range.upperBound && b.range.count >= m.range.count) {
                continue
            }
            nearest = m
        }
        // A vetoed cue (收集意见建议) is not replaced by a shorter one inside it (建议).
        guard let nearest, let activity = cues.activity(of: nearest, for: q, in: s) else { return nil }
        return (activity, nearest)
    }
}

private func orderedUnique(_ values: [Int]) -> [Int] {
    var seen = Set<Int>()
    return values.filter { seen.insert($0).inserted }
}
