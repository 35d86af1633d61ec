/// Finds every activity count in a report's text.
///
/// Each quantity (number + counting unit) is attributed inside its clause: to the cue nearest
/// before it in its list item (召开常委会会议9次), else to the first cue after it (召开51次党组会议),
/// else to the activity of the item before it in the same list (补选市代表1名、区代表6名) or of the
/// total it breaks down (其中人大59人次). Items before it that carry no count of their own share it
/// (开展视察调研、执法检查、专题询问29次): the count is combined and keeps a code only when most of
/// the items name that activity. Whatever has no activity is kept as `other` with its phrase.
public struct FactExtractor: Sendable {
    public let cues: CueTable
    private let scanner = QuantityScanner()

    public init(cues: CueTable) {
        self.cues = cues
    }

    /// - Parameters:
    ///   - text: the report's normalized text; fact ranges are offsets into it.
    ///   - sections: review/plan spans of `text`; facts inside a plan span get `.plan`.
    public func extract(from text: String, sections: [SectionSpan], body: Body) -> [Fact] {
        let s = Array(text.unicodeScalars)
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

/// The running state of one report's attribution: facts so far and the totals that later
/// breakdowns (其中…) refer to.
private struct Attribution {
    let s: [Unicode.Scalar]
    let body: Body
    let cues: CueTable
    let sections: [SectionSpan]
    var facts: [Fact] = []
    private var seen: Set<String> = []
    /// The last coded count outside a breakdown, by sentence, which 其中 parts belong to.
    private var total: (sentence: Int, activity: Int)?
    /// Where a breakdown marker (其中, 含, 包括) opened in the current sentence.
    private var partMarker: (sentence: Int, offset: Int)?

    init(s: [Unicode.Scalar], body: Body, cues: CueTable, sections: [SectionSpan]) {
        self.s = s
        self.body = body
        self.cues = cues
        self.sections = sections
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
        let isAward = containsAny(clause.range, Self.awardWords)
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
            if isAward {
                // 评选表彰优秀提案35件: awards and honours are not counts of work done.
                target = .other(combined: false)
            } else if let previous, previous.item == item, isBlank(previous.quantity.range.upperBound..<q.range.lowerBound),
                      case .activities(let codes, _) = previous.target,
                      codes.allSatisfy({ cues.accepts(q.baseUnit, for: $0) }) {
                // 接待来信来访13件 32人: a second count right after the first counts the same thing.
                target = previous.target
            } else {
                target = cueRightAfter(context).map { .activities([$0], combined: false) }
                    ?? cueBefore(context)
                    ?? cueLaterAfter(context).map { .activities([$0], combined: false) }
                    ?? inherited(context, previous: previous, inPart: inPart)
                    ?? .other(combined: false)
            }
            emit(q, target: target, clause: clause, item: itemRange, inPart: inPart)
            previous = Previous(quantity: q, item: item, lower: lower, target: target)
        }
    }

    private struct Previous {
        var quantity: Quantity
        var item: Int
        var lower: Int
        var target: Target
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

    static let awardWords = ["表彰", "评选", "优秀", "先进集体", "先进个人", "荣获", "获评"]

    // MARK: - Cues after the number

    /// A cue that directly follows the unit names what is counted and wins over any cue before:
    /// 召开51次党组会议, 26篇高质量调研报告, 2件议案和93件建议, 320件(其中…)建议.
    private func cueRightAfter(_ c: Context) -> Int? {
        var p = c.q.range.upperBound
        while p < c.windowEnd, s[p] == " " { p += 1 }
        if p < c.windowEnd, s[p] == "(" || s[p] == "（", let close = closingBracket(from: p, limit: c.windowEnd) {
            p = close + 1
        }
        var best: (activity: Int, match: CueTable.Match)?
        for m in c.matches where m.range.lowerBound >= p && m.range.lowerBound <= p + 3 && m.range.upperBound <= c.windowEnd {
            guard let activity = cues.activity(of: m, unit: c.q.baseUnit), isModifier(p..<m.range.lowerBound) else { continue }
            if let b = best, b.match.range.lowerBound < m.range.lowerBound
                || (b.match.range.lowerBound == m.range.lowerBound && b.match.range.count >= m.range.count) {
                continue
            }
            best = (activity, m)
        }
        return best?.activity
    }

    /// A cue further after the number, across a noun phrase: 12次组织代表深入企业视察调研,
    /// 对2部法律法规实施情况开展执法检查. Only occasions (次, 场) and laws (部) are counted this way;
    /// 8个中心城区进行系统调研 counts districts, not surveys.
    private func cueLaterAfter(_ c: Context) -> Int? {
        guard c.q.kind == .event || c.q.baseUnit == "部" else { return nil }
        var best: (activity: Int, match: CueTable.Match)?
        for m in c.matches where m.range.lowerBound >= c.q.range.upperBound && m.range.upperBound <= c.windowEnd {
            guard let activity = cues.activity(of: m, unit: c.q.baseUnit) else { continue }
            if let b = best, b.match.range.lowerBound < m.range.lowerBound
                || (b.match.range.lowerBound == m.range.lowerBound && b.match.range.count >= m.range.count) {
                continue
            }
            best = (activity, m)
        }
        return best?.activity
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
        for i in gap where !s[i].properties.isIdeographic { return false }
        return !containsAny(gap, ["开展", "进行", "组织", "召开", "举办", "参加", "围绕", "的"])
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
        if countsNounAfterUnit(c.q, itemEnd: c.itemRange.upperBound) { return nil }
        let own = nearestCue(in: c.lower..<c.q.range.lowerBound, unit: c.q.baseUnit, matches: c.matches)
        // 报备的重大事项2项, 执法检查办法等制度3项: after 的 or 等 the count has its own noun.
        let ownEnd = own?.match.range.upperBound ?? c.lower
        if containsAny(ownEnd..<c.q.range.lowerBound, ["等", "的"]) { return nil }
        var heads: [Int] = own.map { [$0.activity] } ?? []
        // 党组会议、常委会会议、理论学习中心组共开展集中学习15次: the items before a verb are who
        // acted, not activities counted together.
        let ownIsHead = own.map { isAfterVerb($0.match, itemStart: c.itemRange.lowerBound) } ?? false
        if !ownIsHead && c.lower <= c.itemRange.lowerBound {
            var j = c.item - 1
            while j >= 0, !c.starts.contains(where: c.clause.items[j].contains) {
                if let cue = nearestCue(in: c.clause.items[j], unit: c.q.baseUnit, matches: c.matches) {
                    heads.append(cue.activity)
                }
                j -= 1
            }
        }
        guard !heads.isEmpty else { return nil }
        let distinct = orderedUnique(heads)
        if distinct.count == 1 { return .activities(distinct, combined: false) }
        // 办复率、满意率均为100%: rates are not added up, each rate named has the value.
        if c.q.kind == .percent { return .activities(distinct, combined: false) }
        let counts = Dictionary(heads.map { ($0, 1) }, uniquingKeysWith: +)
        if let (winner, n) = counts.max(by: { $0.value < $1.value }), n * 2 > heads.count {
            return .activities([winner], combined: true)
        }
        return .other(combined: true)
    }

    /// 8个农贸市场, 22个党支部, 5部法律法规: a classifier followed by a noun counts that noun,
    /// whatever activity came before it.
    private func countsNounAfterUnit(_ q: Quantity, itemEnd: Int) -> Bool {
        guard CountingUnit.classifiers.contains(q.baseUnit) else { return false }
        var p = q.range.upperBound
        while p < itemEnd, s[p] == " " { p += 1 }
        return p < itemEnd && s[p].properties.isIdeographic
    }

    private func isAfterVerb(_ cue: CueTable.Match, itemStart: Int) -> Bool {
        guard cue.range.lowerBound > itemStart else { return false }
        return containsAny(itemStart..<cue.range.lowerBound, ["开展", "组织", "召开", "举办", "举行", "进行"])
    }

    /// The cue that ends nearest to the end of `range` (longest among equals) and takes `unit`.
    /// A cue may start before the range if it ends inside it (建议、批评和意见 spans a 、).
    private func nearestCue(
        in range: Range<Int>, unit: String, matches: [CueTable.Match]
    ) -> (activity: Int, match: CueTable.Match)? {
        var best: (activity: Int, match: CueTable.Match)?
        for m in matches where m.range.upperBound > range.lowerBound && m.range.upperBound <= range.upperBound {
            guard let activity = cues.activity(of: m, unit: unit) else { continue }
            if let b = best, b.match.range.upperBound > m.range.upperBound
                || (b.match.range.upperBound == m.range.upperBound && b.match.range.count >= m.range.count) {
                continue
            }
            best = (activity, m)
        }
        return best
    }

    // MARK: - Inheritance

    /// A count with no cue of its own: a part of the total before 其中, or the next item of a
    /// parallel list whose previous item had an activity (补选市人大代表1名、区人大代表6名).
    private func inherited(_ c: Context, previous: Previous?, inPart: Bool) -> Target? {
        if inPart, let total, total.sentence == c.clause.sentence, cues.accepts(c.q.baseUnit, for: total.activity) {
            return .activities([total.activity], combined: false)
        }
        guard let previous, previous.item < c.item, case .activities(let codes, false) = previous.target,
              codes.count == 1, cues.accepts(c.q.baseUnit, for: codes[0]) else { return nil }
        let prevItem = c.clause.items[previous.item]
        let parallelBefore = commonSuffix(previous.lower..<previous.quantity.range.lowerBound, c.lower..<c.q.range.lowerBound)
        let parallelAfter = commonSuffix(
            wordsAfter(previous.quantity, end: prevItem.upperBound), wordsAfter(c.q, end: c.itemRange.upperBound))
        return parallelBefore >= 2 || parallelAfter >= 2 ? previous.target : nil
    }

    private func wordsAfter(_ q: Quantity, end: Int) -> Range<Int> {
        var p = q.range.upperBound
        while p < end, s[p].properties.isIdeographic { p += 1 }
        return q.range.upperBound..<p
    }

    private func commonSuffix(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        var n = 0
        while n < a.count, n < b.count, s[a.upperBound - 1 - n] == s[b.upperBound - 1 - n] { n += 1 }
        return n
    }

    private func containsAny(_ range: Range<Int>, _ words: [String]) -> Bool {
        guard !range.isEmpty else { return false }
        for i in range {
            for word in words where match(s, at: i, word) && i + word.unicodeScalars.count <= range.upperBound {
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
            if match(s, at: i, "其中") || match(s, at: i, "包括") {
                partMarker = (clause.sentence, i)
                return
            }
            i += 1
        }
        // 含平时建议3件: 含 opens a breakdown only where it opens a clause or item.
        for item in clause.items where item.lowerBound < s.count && s[item.lowerBound] == "含" {
            partMarker = (clause.sentence, item.lowerBound)
            return
        }
    }

    // MARK: - Output

    private mutating func emit(_ q: Quantity, target: Target, clause: Clause, item: Range<Int>, inPart: Bool) {
        let evidenceRange = trimmed(clause.range)
        let evidence = String(String.UnicodeScalarView(s[evidenceRange]))
        let section = sections.first { $0.range.contains(q.numberStart) }?.section ?? .review
        switch target {
        case .activities(let activities, let combined):
            for activity in activities {
                let isPart = inPart && total.map { $0.sentence == clause.sentence && $0.activity == activity } ?? false
                let code = cues.code(of: activity)
                guard seen.insert("\(code)|\(q.value)|\(q.unit)").inserted else { continue }
                facts.append(Fact(
                    activityCode: code, value: q.value, qualifier: q.qualifier, unit: q.unit, section: section,
                    isPart: isPart, isCombined: combined, evidence: evidence, range: evidenceRange))
                if !inPart { total = (clause.sentence, activity) }
            }
        case .other(let combined):
            let phrase = phrase(of: q, item: item)
            guard seen.insert("\(Activity.otherCode)|\(phrase)|\(q.value)|\(q.unit)").inserted else { return }
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
        if end > q.range.upperBound { return String(String.UnicodeScalarView(s[q.range.upperBound..<end])) }
        var start = q.range.lowerBound
        while start > item.lowerBound, q.range.lowerBound - start < 10, isWordScalar(s[start - 1]) { start -= 1 }
        return String(String.UnicodeScalarView(s[start..<q.range.lowerBound]))
    }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isIdeographic && ChineseNumber.hanDigit(c) == nil
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        guard range.lowerBound <= range.upperBound else { return false }
        return range.allSatisfy { s[$0] == " " || s[$0] == "\u{3000}" || s[$0] == "\t" }
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, s[lo].properties.isWhitespace { lo += 1 }
        while hi > lo, s[hi - 1].properties.isWhitespace { hi -= 1 }
        return lo..<hi
    }
}

private func orderedUnique(_ values: [Int]) -> [Int] {
    var seen = Set<Int>()
    return values.filter { seen.insert($0).inserted }
}
