/// Attributes each count of one report to an activity, in its clause, in this order:
/// 1. a cue in a relative clause right before it (立案的249件提案);
/// 2. a cue right after the unit, which names what is counted (召开51次党组会议, 93件建议);
/// 3. the cue nearest before it in its list item (召开常委会会议9次); items before it without a
///    count share it (开展视察调研、执法检查、专题询问29次): combined, coded only when most items
///    name one activity;
/// 4. a cue further on, for occasions, people and laws (先后12次组织代表…视察调研);
/// 5. the activity of its total (其中人大59人次) or of a parallel item (补选市代表1名、区代表6名).
/// Awards, classifiers followed by their own noun (8个农贸市场) and counts after 等/的 get none.
/// It also keeps the facts found so far, so a figure repeated in the report is stored once.
struct Attribution {
    let s: [Unicode.Scalar]
    let body: Body
    let cues: CueTable
    let sections: [SectionSpan]
    var facts: [Fact] = []
    private var seen: Set<FactKey> = []
    /// The last coded count outside a breakdown, by sentence, which 其中 parts belong to.
    private var total: (sentence: Int, activity: Int)?
    /// Where a breakdown marker (其中, 含, 包括) opened in the current sentence.
    private var partMarker: (sentence: Int, offset: Int, activity: Int?)?
    /// The evidence text of the last clause, shared by the facts of one clause.
    private var evidenceCache: (range: Range<Int>, text: String)?
    /// The last count of the last clause, for lists that continue after a comma.
    private var last: (sentence: Int, previous: Previous)?

    init(s: [Unicode.Scalar], body: Body, cues: CueTable, sections: [SectionSpan]) {
        self.s = s
        self.body = body
        self.cues = cues
        self.sections = sections
        seen.reserveCapacity(256)
    }

    /// What a quantity was attributed to.
    private enum Target {
        case activities([Int], combined: Bool)
        case other(combined: Bool)
    }

    mutating func attribute(_ quantities: [Quantity], in clause: Clause) {
        let matches = cues.matches(in: s, range: clause.range, body: body)
        notePartMarker(in: clause)
        let starts = quantities.map(\.numberStart)
        let isAward = containsAny(clause.range, Words.award)
        var previous: Previous?
        for (k, q) in quantities.enumerated() {
            let item = clause.items.firstIndex { $0.contains(q.numberStart) } ?? clause.items.count - 1
            let itemRange = clause.items[item]
            let inPart = partMarker.map { $0.sentence == clause.sentence && $0.offset < q.numberStart } ?? false
            let lower = previous.map { $0.item == item ? $0.quantity.range.upperBound : itemRange.lowerBound }
                ?? itemRange.lowerBound
            let context = Context(
                q: q, clause: clause, item: item, lower: lower, matches: matches, starts: starts,
                windowEnd: afterWindowEnd(q, index: k, in: quantities, clause: clause))
            var target: Target
            var tookItsNoun = false
            let before = previous ?? lastInSentence(clause.sentence)
            if isAward {
                // 评选表彰优秀提案35件: awards and honours are not counts of work done.
                target = .other(combined: false)
            } else if let previous, previous.item == item && isBlank(previous.quantity.range.upperBound..<q.range.lowerBound)
                        || isBareNextItem(q, itemRange: itemRange, item: item, after: previous),
                      case .activities(let codes, _) = previous.target,
                      codes.allSatisfy({ cues.accepts(q, for: $0) }) {
                // 接待来信来访13件 32人: a second count right after the first counts the same thing.
                target = previous.target
            } else {
                if isTopicShare(context) {
                    // 关于经济建设方面的提案247件, 在经济建设领域,111件提案…: a share by topic.
                    target = .other(combined: false)
                } else if let found = cueBeforeRelative(context).map({ Target.activities([$0], combined: false) })
                    ?? cueRightAfter(context)
                    ?? cueBefore(context)
                    ?? cueLaterAfter(context).map({ .activities([$0], combined: false) }) {
                    target = withSerialVerbs(found, context)
                } else if let found = elliptical(context, previous: before) {
                    target = found
                    tookItsNoun = true
                } else {
                    target = inherited(context, previous: before, inPart: inPart) ?? .other(combined: false)
                }
                if !tookItsNoun { target = inBreakdown(target, context, inPart: inPart) }
            }
            if q.kind == .percent, case .activities = target, !isAboutSuggestions(clause) {
                // 受理群众诉求5.6万件,办结率99.2%: a rate of anything else is not a handling rate.
                target = .other(combined: false)
            }
            emit(q, target: target, clause: clause, item: itemRange, inPart: inPart)
            previous = Previous(
                quantity: q, item: item, lower: lower, target: target, itemRange: itemRange,
                nounSource: tookItsNoun ? (before?.nounSource ?? itemRange) : lower..<itemRange.upperBound)
        }
        if let previous { last = (clause.sentence, previous) }
    }

    /// 接待群众来访156批次、480人次: a list item that is only a count, in another unit, right
    /// after an item ending with a count, counts the same thing as that count.
    private func isBareNextItem(_ q: Quantity, itemRange: Range<Int>, item: Int, after previous: Previous) -> Bool {
        previous.item == item - 1 && previous.quantity.unitBit != q.unitBit
            && isBlank(previous.quantity.range.upperBound..<previous.itemRange.upperBound)
            && isBlank(itemRange.lowerBound..<q.range.lowerBound) && isBlank(q.range.upperBound..<itemRange.upperBound)
    }

    /// Whether the rate's sentence or the one before names suggestions, proposals or motions
    /// (or their 办理), which are what handling and satisfaction rates measure.
    private func isAboutSuggestions(_ clause: Clause) -> Bool {
        let ends = Words.sentenceEnds
        var lo = clause.range.lowerBound
        var boundaries = 0
        while lo > 0, clause.range.lowerBound - lo < 400 {
            if ends.contains(s[lo - 1]) {
                boundaries += 1
                if boundaries == 2 { break }
            }
            lo -= 1
        }
        var hi = clause.range.upperBound
        while hi < s.count, hi - clause.range.upperBound < 200, !ends.contains(s[hi]) { hi += 1 }
        return containsAny(lo..<hi, Words.suggestions)
    }

    /// The last count of the previous clause when it is in the same sentence: 补选市人大代表1名,
    /// 区人大代表6名 lists across a comma.
    private func lastInSentence(_ sentence: Int) -> Previous? {
        guard let last, last.sentence == sentence else { return nil }
        var previous = last.previous
        previous.item = -1
        return previous
    }

    private struct Previous {
        var quantity: Quantity
        /// Its item in the current clause, or -1 when it is in an earlier clause.
        var item: Int
        var lower: Int
        var target: Target
        var itemRange: Range<Int>
        /// The words that hold its noun: its item, or for a count that took its noun from the
        /// count before (修改6件 after 制定法规7件), that count's words.
        var nounSource: Range<Int>
    }

    /// Where one quantity is and what surrounds it.
    private struct Context {
        var q: Quantity
        var clause: Clause
        var item: Int
        /// Start of the text that belongs to this quantity in its item (after an earlier count).
        var lower: Int
        var matches: [CueTable.Match]
        var starts: [Int]
        /// Cues after the number are looked for up to here: the next count or its list item.
        var windowEnd: Int
        var itemRange: Range<Int> { clause.items[item] }
    }


    // MARK: - Cues after the number

    /// 立案的249件提案: an activity in a relative clause right before the number says what
    /// happened to the things counted, which outranks the noun after the unit.
    private func cueBeforeRelative(_ c: Context) -> Int? {
        let n = c.q.range.lowerBound
        guard n >= 1, s[n - 1] == "的",
              let own = nearestCue(in: c.lower..<(n - 1), for: c.q, matches: c.matches),
              own.match.range.upperBound == n - 1 else { return nil }
        return own.activity
    }

    /// A cue that directly follows the unit names what is counted and wins over any cue before:
    /// 召开51次党组会议, 26篇高质量调研报告, 2件议案和93件建议, 320件(其中…)建议.
    private func cueRightAfter(_ c: Context) -> Target? {
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
    private func cueLaterAfter(_ c: Context) -> Int? {
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
    private func isInTopic(_ m: CueTable.Match, after q: Quantity, clauseEnd: Int) -> Bool {
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
    private func afterWindowEnd(_ q: Quantity, index k: Int, in quantities: [Quantity], clause: Clause) -> Int {
        guard k + 1 < quantities.count else { return clause.range.upperBound }
        let next = quantities[k + 1]
        if let nextItem = clause.items.first(where: { $0.contains(next.numberStart) }), !nextItem.contains(q.numberStart) {
            return min(next.range.lowerBound, nextItem.lowerBound)
        }
        return next.range.lowerBound
    }

    /// Whether a gap between a unit and a cue is a short modifier (高质量, 反映, 拟), not a clause
    /// with its own verb (课题开展, 社区进行).
    private func isModifier(_ gap: Range<Int>) -> Bool {
        for i in gap where !ScalarText.isHan(s[i]) { return false }
        return !containsAny(gap, Words.clauseInGap)
    }

    private func closingBracket(from open: Int, limit: Int) -> Int? {
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
    private func cueBefore(_ c: Context) -> Target? {
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
    private func isShare(_ gap: Range<Int>) -> Bool {
        let words = trimmed(gap)
        return words.count == 2 && s[words.lowerBound] == "的" && s[words.lowerBound + 1] == "占"
    }

    /// Where the first verb that takes an object (召开, 召集, 开展 …) starts in `range`.
    private func firstActingVerb(in range: Range<Int>) -> Int? {
        range.first { i in Words.objectVerbs.contains { matchScalars(s, at: i, $0) && i + $0.count <= range.upperBound } }
    }

    /// Whether the words between a cue and its count only complete the cue's noun: the state of
    /// what it names (实施情况, 执行情况), a draft of it (草案), or a second noun of the same head
    /// joined to it (和计划预算审计报告 after 专项工作报告).
    private func completesNoun(_ gap: Range<Int>, of cue: CueTable.Match?) -> Bool {
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
    private func areParticipants(_ gap: Range<Int>) -> Bool {
        guard gap.count >= 2, s[gap.lowerBound] == "的",
              let noun = Words.people.first(where: { matchScalars(s, at: gap.lowerBound + 1, $0) }) else { return false }
        let rest = (gap.lowerBound + 1 + noun.count)..<gap.upperBound
        return rest.allSatisfy { " 达为共计有约近".unicodeScalars.contains(s[$0]) }
    }

    private func hasAnyCue(_ range: Range<Int>, _ matches: [CueTable.Match]) -> Bool {
        matches.contains { $0.range.upperBound > range.lowerBound && $0.range.upperBound <= range.upperBound }
    }

    private func isFollowedByWord(_ q: Quantity, itemEnd: Int) -> Bool {
        var p = q.range.upperBound
        while p < itemEnd, s[p] == " " { p += 1 }
        return p < itemEnd && ScalarText.isHan(s[p])
    }

    private func isAfterVerb(_ cue: CueTable.Match, itemStart: Int) -> Bool {
        guard cue.range.lowerBound > itemStart else { return false }
        return containsAny(itemStart..<cue.range.lowerBound, Words.actingVerbs)
    }

    /// The cue that ends nearest to the end of `range` (longest among equals) and can count `q`.
    /// A cue may start before the range if it ends inside it (建议、批评和意见 spans a 、).
    private func nearestCue(
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

    // MARK: - Shares and breakdowns

    /// Whether the count's noun is narrowed to a topic (关于经济建设方面的提案247件, 城建环保类
    /// 建议43件), or its clause follows one that opens a topic (在经济建设领域,111件提案…): a
    /// share of some total by what it is about, not a count of work done.
    private func isTopicShare(_ c: Context) -> Bool {
        // The kind stands right before the count's noun (…方面的提案, …类建议).
        for m in c.matches where m.range.lowerBound > c.lower && m.range.upperBound <= c.q.range.lowerBound {
            var k = m.range.lowerBound
            if s[k - 1] == "的" { k -= 1 }
            guard let kind = Words.topicKinds.first(where: { k - $0.count > c.lower && matchScalars(s, at: k - $0.count, $0) }) else { continue }
            // 各类意见建议, 8方面26条建议, 医疗卫生等方面的调研报告: all kinds, kinds counted or a
            // list of topics, not one topic.
            let before = s[k - kind.count - 1]
            if "各多等几".unicodeScalars.contains(before) || ChineseNumber.hanDigit(before) != nil
                || (before.value >= 0x30 && before.value <= 0x39) || !ScalarText.isHan(before) { continue }
            return true
        }
        guard let opener = sentenceOpener(before: c.clause), s[opener.lowerBound] == "在" else { return false }
        return Words.topicKinds.contains { word in
            opener.count >= word.count && matchScalars(s, at: opener.upperBound - word.count, word)
        }
    }

    /// A part of a breakdown (其中…, 在立案的提案中,…) whose own noun is of the same kind as the
    /// total's (委员提案162件 under 立案236件) is a part of that total.
    private func inBreakdown(_ target: Target, _ c: Context, inPart: Bool) -> Target {
        guard inPart, case .activities(let codes, let combined) = target, codes.count == 1,
              let whole = partMarker?.activity ?? total.flatMap({ $0.sentence == c.clause.sentence ? $0.activity : nil }),
              whole != codes[0], cues.activities[whole].category == cues.activities[codes[0]].category,
              cues.accepts(c.q, for: whole), c.q.kind != .percent else { return target }
        return .activities([whole], combined: combined)
    }

    // MARK: - Verbs

    /// 制定省级地方性法规7件、修改6件、废止11件; 审议法规草案11部,通过8部: a count with a verb
    /// and no noun of its own counts the noun of the count before, as the verb's split cue says
    /// (修改…法规), within the same kind of activity.
    private func elliptical(_ c: Context, previous: Previous?) -> Target? {
        guard let previous, case .activities(let codes, false) = previous.target, codes.count == 1 else { return nil }
        let own = c.lower..<c.q.range.lowerBound
        guard !own.isEmpty, !hasAnyCue(own, c.matches) else { return nil }
        guard !isFollowedByWord(c.q, itemEnd: c.itemRange.upperBound),
              let activity = cues.elliptical(item: own, previous: previous.nounSource, for: c.q, in: s, body: body),
              cues.activities[activity].category == cues.activities[codes[0]].category else { return nil }
        return .activities([activity], combined: false)
    }

    /// 立案办复912件提案, 制定修改地方性法规9件, 审议通过法规8件: verbs side by side before one
    /// noun each did it to the things counted, so each verb's split cue gives a fact.
    private func withSerialVerbs(_ target: Target, _ c: Context) -> Target {
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

    // MARK: - Inheritance

    /// A count with no cue of its own: a part of the total before 其中, or the next item of a
    /// parallel list whose previous item had an activity (补选市人大代表1名、区人大代表6名).
    private func inherited(_ c: Context, previous: Previous?, inPart: Bool) -> Target? {
        // 其中…已解决的占86.5%: a share of the total's things is not a part of a rate.
        // 经分解形成880件分办件: a count followed by a noun of its own counts that noun, unless the
        // noun repeats the one after the count before (补选1名市人大代表、10名区人大代表).
        let ownNoun = isFollowedByWord(c.q, itemEnd: c.itemRange.upperBound)
        if inPart, !ownNoun, c.q.kind != .percent, let total, total.sentence == c.clause.sentence,
           cues.accepts(c.q, for: total.activity) {
            return .activities([total.activity], combined: false)
        }
        guard let previous, previous.item < c.item, case .activities(let codes, false) = previous.target,
              codes.count == 1, cues.accepts(c.q, for: codes[0]) else { return nil }
        guard c.q.kind != .percent else { return nil }
        let previousContent = content(previous.lower..<previous.quantity.range.lowerBound)
        let parallelBefore = commonSuffix(previousContent, content(c.lower..<c.q.range.lowerBound))
        if parallelBefore >= 2, !ownNoun {
            // 主席会议9次、秘书长会议12次 share only the end of the cue: the words that differ
            // are what named the activity, so the next item names another.
            let sharedStart = previousContent.upperBound - parallelBefore
            if previous.item >= 0,
               let cue = nearestCue(in: previousContent, for: previous.quantity, matches: c.matches),
               cue.match.range.lowerBound < sharedStart && cue.match.range.upperBound > sharedStart {
                return nil
            }
            return previous.target
        }
        // 补选1名市人大代表、10名区人大代表: the same noun after the unit, within one list.
        guard previous.item >= 0 else { return nil }
        let parallelAfter = commonSuffix(
            wordsAfter(previous.quantity, end: previous.itemRange.upperBound), wordsAfter(c.q, end: c.itemRange.upperBound))
        return parallelAfter >= 2 ? previous.target : nil
    }

    /// The words before a number without trailing links (为, 达, 共, spaces) that any two counts share.
    private func content(_ range: Range<Int>) -> Range<Int> {
        var hi = range.upperBound
        while hi > range.lowerBound, " 为达到是共计均有约近了".unicodeScalars.contains(s[hi - 1]) { hi -= 1 }
        return range.lowerBound..<hi
    }

    private func wordsAfter(_ q: Quantity, end: Int) -> Range<Int> {
        var p = q.range.upperBound
        while p < end, ScalarText.isHan(s[p]) { p += 1 }
        return q.range.upperBound..<p
    }

    private func commonSuffix(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        var n = 0
        while n < a.count, n < b.count, s[a.upperBound - 1 - n] == s[b.upperBound - 1 - n] { n += 1 }
        return n
    }

    private func containsAny(_ range: Range<Int>, _ words: [[Unicode.Scalar]]) -> Bool {
        guard !range.isEmpty else { return false }
        for i in range {
            let c = s[i]
            for word in words where word[0] == c && i + word.count <= range.upperBound && matchScalars(s, at: i, word) {
                return true
            }
        }
        return false
    }

    // MARK: - Parts

    private mutating func notePartMarker(in clause: Clause) {
        if let marker = partMarker, marker.sentence != clause.sentence { partMarker = nil }
        var i = clause.range.lowerBound
        while i < clause.range.upperBound {
            if (s[i] == "其" || s[i] == "包"), Words.qiZhong.contains(where: { matchScalars(s, at: i, $0) }) {
                // 在立案的提案中,委员提案133件,其中联名提案11件: a breakdown within one keeps its whole.
                let whole = partMarker.flatMap { $0.sentence == clause.sentence ? $0.activity : nil }
                partMarker = (clause.sentence, i, whole)
                return
            }
            i += 1
        }
        // 含平时建议3件: 含 opens a breakdown only where it opens a clause or item.
        for item in clause.items where item.lowerBound < s.count && s[item.lowerBound] == "含" {
            partMarker = (clause.sentence, item.lowerBound, nil)
            return
        }
        // 在立案的提案中,委员个人提案133件: what the clause before names is the whole.
        if let opener = sentenceOpener(before: clause), s[opener.lowerBound] == "在", s[opener.upperBound - 1] == "中",
           let whole = wholeNamed(in: opener) {
            partMarker = (clause.sentence, opener.upperBound, whole)
        }
    }

    /// The words of the sentence before a clause (without the mark that ends them), when the
    /// clause is not the sentence's first.
    private func sentenceOpener(before clause: Clause) -> Range<Int>? {
        guard clause.sentenceStart + 1 < clause.range.lowerBound else { return nil }
        let words = trimmed(clause.sentenceStart..<(clause.range.lowerBound - 1))
        return words.count > 2 ? words : nil
    }

    /// The activity a breakdown's opener names (立案的提案 → proposals accepted), by its last
    /// cue, as a count in the activity's own unit would take it.
    private func wholeNamed(in range: Range<Int>) -> Int? {
        let matches = cues.matches(in: s, range: range, body: body)
        guard let last = matches.max(by: { ($0.range.upperBound, $0.range.count) < ($1.range.upperBound, $1.range.count) }) else {
            return nil
        }
        return cues.owners(of: last).first
    }

    // MARK: - Output

    private mutating func emit(_ q: Quantity, target: Target, clause: Clause, item: Range<Int>, inPart: Bool) {
        let evidenceRange = trimmed(clause.range)
        if evidenceCache?.range != evidenceRange {
            evidenceCache = (evidenceRange, ScalarText.string(s[evidenceRange]))
        }
        let evidence = evidenceCache!.text
        let section = sections.first { $0.range.contains(q.numberStart) }?.section ?? .review
        switch target {
        case .activities(let activities, let combined):
            for activity in activities {
                let isPart = inPart && (partMarker?.activity == activity
                    || total.map { $0.sentence == clause.sentence && $0.activity == activity } ?? false)
                let code = cues.code(of: activity)
                // A total repeated from an earlier sentence is stored once, but its 其中 parts
                // that follow (共任免87人次，其中任命43人次) still belong to it.
                if !inPart { total = (clause.sentence, activity) }
                guard seen.insert(FactKey(activity: activity, value: q.value, unit: q.unitBit, phrase: "", section: section)).inserted else {
                    continue
                }
                facts.append(Fact(
                    activityCode: code, value: q.value, qualifier: q.qualifier, unit: q.unit, section: section,
                    isPart: isPart, isCombined: combined, evidence: evidence, range: evidenceRange))
            }
        case .other(let combined):
            let phrase = phrase(of: q, item: item)
            guard seen.insert(FactKey(activity: -1, value: q.value, unit: q.unitBit, phrase: phrase, section: section)).inserted else { return }
            facts.append(Fact(
                activityCode: Activity.otherCode, value: q.value, qualifier: q.qualifier, unit: q.unit,
                section: section, isPart: inPart, isCombined: combined, phrase: phrase,
                evidence: evidence, range: evidenceRange))
        }
    }

    /// What an unclassified count counts: the words after its unit (22个党支部 → 党支部), else the
    /// words before its number (帮扶5800户 → 帮扶).
    private func phrase(of q: Quantity, item: Range<Int>) -> String {
        var end = q.range.upperBound
        while end < item.upperBound, end - q.range.upperBound < 10, isWordScalar(s[end]) { end += 1 }
        if end > q.range.upperBound { return ScalarText.string(s[q.range.upperBound..<end]) }
        var start = q.range.lowerBound
        while start > item.lowerBound, q.range.lowerBound - start < 10, isWordScalar(s[start - 1]) { start -= 1 }
        return ScalarText.string(s[start..<q.range.lowerBound])
    }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        ScalarText.isHan(c) && ChineseNumber.hanDigit(c) == nil
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        guard range.lowerBound <= range.upperBound else { return false }
        return range.allSatisfy { s[$0] == " " || s[$0] == "\u{3000}" || s[$0] == "\t" }
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, ScalarText.isSpace(s[lo]) { lo += 1 }
        while hi > lo, ScalarText.isSpace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }
}

private func orderedUnique(_ values: [Int]) -> [Int] {
    var seen = Set<Int>()
    return values.filter { seen.insert($0).inserted }
}

/// Signal words of the attribution rules, as scalars for the hot loops.
/// What makes two facts of one report the same fact: a figure repeated is stored once.
private struct FactKey: Hashable {
    /// Index of the activity, or -1 for `other` (told apart by `phrase`).
    var activity: Int
    var value: Double
    var unit: UInt64
    var phrase: String
    /// A plan that repeats last year's figure (执法检查3项) is a fact of its own.
    var section: Section
}

private enum Words {
    static let award = ScalarText.words("表彰", "评选", "优秀", "先进集体", "先进个人", "荣获", "获评")
    /// Breakdown markers: what follows is part of the total before.
    static let qiZhong = ScalarText.words("其中", "包括")
    /// Adverbs between a noun and its predicate (251件提案全部办结).
    static let adverbs = ScalarText.words("全部", "均已", "均", "已经", "已", "都")
    /// A verb or 的 between a unit and a cue means the cue belongs to another clause.
    static let clauseInGap = ScalarText.words("开展", "进行", "组织", "召开", "举办", "参加", "围绕", "的", "和", "及", "与", "或")
    /// Words that narrow a noun to a topic: 经济建设方面的提案, 城建环保类建议, 在民生领域.
    static let topicKinds = ScalarText.words("方面", "类", "领域")
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "\n"]
    static let etcOrOf = ScalarText.words("等", "的")
    /// Verbs that take an object, which a count after them may belong to.
    static let objectVerbs = ScalarText.words("开展", "组织", "召开", "召集", "举办", "进行")
    /// What completes a noun without changing what is counted: 法律法规实施情况11部, 法规草案11部.
    static let nounComplements = ScalarText.words(
        "情况", "实施情况", "执行情况", "贯彻实施情况", "贯彻执行情况", "落实情况", "草案", "修正案")
    static let conjunctions = ScalarText.words("以及", "和", "及", "与")
    static let earlierTimes = ScalarText.words("以前", "之前", "以往", "历年")
    /// What handling and satisfaction rates are rates of.
    static let suggestions = ScalarText.words("建议", "提案", "议案", "意见", "办理")
    /// Nouns for the people an activity reaches (参加培训的代表).
    static let people = ScalarText.words("人大代表", "政协委员", "代表", "委员", "干部", "群众", "人员")
    /// Verbs after which a cue is the activity and items before it are the actors.
    static let actingVerbs = ScalarText.words("开展", "组织", "召开", "举办", "举行", "进行")
    /// Prepositions that open what an act is about (就…事项, 关于…的报告, 围绕…).
    static let topicMarkers = ScalarText.words("就", "关于", "围绕")
    static let about = ScalarText.words("关于")
    static let report = ScalarText.words("报告")
}
