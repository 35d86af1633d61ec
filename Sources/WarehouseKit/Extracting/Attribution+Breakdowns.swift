/// Wholes and their parts: shares by topic, breakdowns after 其中 or 在…中, and counts that take
/// the activity of their total or of a parallel item before them.
extension Attribution {
    /// Whether the count's noun is narrowed to a topic (关于经济建设方面的提案247件, 城建环保类
    /// 建议43件), or its clause follows one that opens a topic (在经济建设领域,111件提案…): a
    /// share of some total by what it is about, not a count of work done.
    func isTopicShare(_ c: Context) -> Bool {
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
    func inBreakdown(_ target: Target, _ c: Context, inPart: Bool) -> Target {
        guard inPart, case .activities(let codes, let combined) = target, codes.count == 1,
              let whole = partMarker?.activity ?? total.flatMap({ $0.sentence == c.clause.sentence ? $0.activity : nil }),
              whole != codes[0], cues.activities[whole].category == cues.activities[codes[0]].category,
              cues.accepts(c.q, for: whole), c.q.kind != .percent,
              // The part names the noun the whole's verb governs (立案…提案: 委员提案162件); a part
              // with a verb of its own (批准逮捕34人 under 审查逮捕72人) is an activity of its own.
              cues.governs(whole, nounIn: c.lower..<min(c.itemRange.upperBound, c.q.range.upperBound + 4), of: s)
        else { return target }
        return .activities([whole], combined: combined)
    }

    // MARK: - Inheritance

    /// A count with no cue of its own: a part of the total before 其中, or the next item of a
    /// parallel list whose previous item had an activity (补选市人大代表1名、区人大代表6名).
    func inherited(_ c: Context, previous: Previous?, inPart: Bool) -> Target? {
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
    func content(_ range: Range<Int>) -> Range<Int> {
        var hi = range.upperBound
        while hi > range.lowerBound, " 为达到是共计均有约近了".unicodeScalars.contains(s[hi - 1]) { hi -= 1 }
        return range.lowerBound..<hi
    }

    func wordsAfter(_ q: Quantity, end: Int) -> Range<Int> {
        var p = q.range.upperBound
        while p < end, ScalarText.isHan(s[p]) { p += 1 }
        return q.range.upperBound..<p
    }

    func commonSuffix(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        var n = 0
        while n < a.count, n < b.count, s[a.upperBound - 1 - n] == s[b.upperBound - 1 - n] { n += 1 }
        return n
    }

    // MARK: - Parts

    mutating func notePartMarker(in clause: Clause) {
        if let marker = partMarker, marker.sentence != clause.sentence { partMarker = nil }
        // …不批准逮捕38人;共办理审查起诉案件138件: a new total ends the breakdown before it.
        let opening = trimmed(clause.range)
        if partMarker != nil, Words.totals.contains(where: { matchScalars(s, at: opening.lowerBound, $0) }) { partMarker = nil }
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
    func sentenceOpener(before clause: Clause) -> Range<Int>? {
        guard clause.sentenceStart + 1 < clause.range.lowerBound else { return nil }
        let words = trimmed(clause.sentenceStart..<(clause.range.lowerBound - 1))
        return words.count > 2 ? words : nil
    }

    /// The activity a breakdown's opener names (立案的提案 → proposals accepted), by its last
    /// cue, as a count in the activity's own unit would take it.
    func wholeNamed(in range: Range<Int>) -> Int? {
        let matches = cues.matches(in: s, range: range, body: body)
        guard let last = matches.max(by: { ($0.range.upperBound, $0.range.count) < ($1.range.upperBound, $1.range.count) }) else {
            return nil
        }
        return cues.owners(of: last).first
    }
}
