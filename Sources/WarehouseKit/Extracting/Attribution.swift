/// Attributes each count of one report to an activity, as a small grammar of report sentences
/// reads it, with the vocabulary (`CueTable`) naming what words mean:
///
/// - what the count counts (Attribution+CountedNoun): the noun right after its unit (召开51次党组
///   会议, 办复120件人大代表建议和95件政协提案), a cue in a relative clause before it (立案的249件
///   提案), else the cue that ends the noun phrase before it (召开常委会会议9次), which the items
///   before it without a count share (开展视察调研、执法检查、专题询问29次), else a cue further on
///   for occasions, people and laws (先后12次组织代表…视察调研);
/// - the verb that governs it (Attribution+Verbs): split cues let the verb decide the code
///   (审议…法规 vs 批准…法规), a verb alone takes the noun of the count before (修改6件), verbs side
///   by side each give a fact (立案办复912件提案);
/// - wholes and parts (Attribution+Breakdowns): shares by topic are not work (经济建设方面的提案),
///   parts after 其中 or 在…中 count under their whole, a count without a cue takes its total's or
///   a parallel item's activity (补选市代表1名、区代表6名).
///
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
    var total: (sentence: Int, activity: Int)?
    /// Where a breakdown marker (其中, 含, 包括) opened in the current sentence.
    var partMarker: (sentence: Int, offset: Int, activity: Int?)?
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
    enum Target {
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
            if q.kind == .percent, case .activities(let codes, _) = target,
               codes.contains(where: { Words.ratesOfSuggestions.contains(cues.code(of: $0)) }), !isAboutSuggestions(clause) {
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
    func isBareNextItem(_ q: Quantity, itemRange: Range<Int>, item: Int, after previous: Previous) -> Bool {
        previous.item == item - 1 && previous.quantity.unitBit != q.unitBit
            && isBlank(previous.quantity.range.upperBound..<previous.itemRange.upperBound)
            && isBlank(itemRange.lowerBound..<q.range.lowerBound) && isBlank(q.range.upperBound..<itemRange.upperBound)
    }

    /// Whether the rate's sentence or the one before names suggestions, proposals or motions
    /// (or their 办理), which are what handling and satisfaction rates measure.
    func isAboutSuggestions(_ clause: Clause) -> Bool {
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
    func lastInSentence(_ sentence: Int) -> Previous? {
        guard let last, last.sentence == sentence else { return nil }
        var previous = last.previous
        previous.item = -1
        return previous
    }

    struct Previous {
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
    struct Context {
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


    func containsAny(_ range: Range<Int>, _ words: [[Unicode.Scalar]]) -> Bool {
        guard !range.isEmpty else { return false }
        for i in range {
            let c = s[i]
            for word in words where word[0] == c && i + word.count <= range.upperBound && matchScalars(s, at: i, word) {
                return true
            }
        }
        return false
    }

    // MARK: - Output

    mutating func emit(_ q: Quantity, target: Target, clause: Clause, item: Range<Int>, inPart: Bool) {
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
    func phrase(of q: Quantity, item: Range<Int>) -> String {
        var end = q.range.upperBound
        while end < item.upperBound, end - q.range.upperBound < 10, isWordScalar(s[end]) { end += 1 }
        if end > q.range.upperBound { return ScalarText.string(s[q.range.upperBound..<end]) }
        var start = q.range.lowerBound
        while start > item.lowerBound, q.range.lowerBound - start < 10, isWordScalar(s[start - 1]) { start -= 1 }
        return ScalarText.string(s[start..<q.range.lowerBound])
    }

    func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        ScalarText.isHan(c) && ChineseNumber.hanDigit(c) == nil
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        guard range.lowerBound <= range.upperBound else { return false }
        return range.allSatisfy { s[$0] == " " || s[$0] == "\u{3000}" || s[$0] == "\t" }
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, ScalarText.isSpace(s[lo]) { lo += 1 }
        while hi > lo, ScalarText.isSpace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }
}

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
