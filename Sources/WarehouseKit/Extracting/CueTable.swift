/// The activity vocabulary arranged for matching cue words in text.
///
/// Built from the rows of `data/activities.csv` at load time, so a cue or a code added to the CSV
/// takes effect on the next load without recompiling. Cues are matched longest first, and only
/// for activities whose `bodies` include the report's body. A cue listed by several activities
/// (建议: deputies' suggestions handled, or the body's own suggestions) is settled by the unit:
/// the activity whose CSV unit is the unit written wins (93件建议 vs 提出建议955条), else the
/// first in CSV order that can be counted in that unit.
///
/// A cue written `A…B` is a phrase with words between its parts: a verb and the noun it
/// governs (审议…法规, 批准…法规, 立案…提案), which tells apart what one noun alone cannot
/// (审议 vs 制定 vs 批准 地方性法规). The parts may stand on either side of the count
/// (修改县乡选举实施细则等17部法规, 对35件法规的立改废进行审议), and a list item of a verb and
/// a count alone (制定法规7件、修改6件) takes the noun of the count before it.
///
/// A cue written with a leading `-` is a veto: 意见建议 counts the body's own suggestions, but
/// 收集群众意见建议281条 counts what it collected, so `-收集` right before the cue or the number
/// (two characters apart at most, not across 的) keeps the count from that activity.
public struct CueTable: Sendable {
    public let activities: [Activity]
    /// One trie per body (in `Body.allCases` order), whose values index `owners`: the same cue
    /// (建议) may mean different activities for different bodies.
    private let tries: [ScalarTrie<Int>]
    /// For each cue of each trie: the activities that list it, in CSV order.
    private let owners: [[Int]]
    /// Per activity: the units it may be counted in, and its own unit from the CSV, as unit bits.
    private let units: [UInt64]
    private let ownUnit: [UInt64]
    private let vetoes: [[[Unicode.Scalar]]]
    /// One trie per body over the parts of `A…B` cues; values index `parts`.
    private let partTries: [ScalarTrie<Int>]
    /// For each part word: the split cues it begins (`first`) or ends (`second`), as indices of
    /// `splitCues`.
    private let parts: [(first: [Int], second: [Int])]
    /// Every `A…B` cue of every body: its parts and its index in `owners`.
    private let splitCues: [SplitCue]

    struct SplitCue: Sendable {
        var first: [Unicode.Scalar]
        var second: [Unicode.Scalar]
        var owner: Int
    }

    public init(activities: [Activity]) {
        self.activities = activities
        var tries: [ScalarTrie<Int>] = []
        var partTries: [ScalarTrie<Int>] = []
        var allOwners: [[Int]] = []
        var parts: [(first: [Int], second: [Int])] = []
        var splitCues: [SplitCue] = []
        for body in Body.allCases {
            var owners: [String: [Int]] = [:]
            var order: [String] = []
            for (index, activity) in activities.enumerated() where activity.applies(to: body) {
                for cue in activity.cues where !cue.hasPrefix("-") && owners[cue]?.contains(index) != true {
                    if owners[cue] == nil { order.append(cue) }
                    owners[cue, default: []].append(index)
                }
            }
            var trie = ScalarTrie<Int>()
            var partTrie = ScalarTrie<Int>()
            var partIndex: [String: Int] = [:]
            func part(_ word: String) -> Int {
                if let k = partIndex[word] { return k }
                parts.append(([], []))
                partIndex[word] = parts.count - 1
                partTrie.insert(word, parts.count - 1)
                return parts.count - 1
            }
            for cue in order {
                let pieces = cue.components(separatedBy: Self.gapMark).filter { !$0.isEmpty }
                if pieces.count == 2 {
                    let split = splitCues.count
                    splitCues.append(SplitCue(
                        first: Array(pieces[0].unicodeScalars), second: Array(pieces[1].unicodeScalars), owner: allOwners.count))
                    parts[part(pieces[0])].first.append(split)
                    parts[part(pieces[1])].second.append(split)
                } else {
                    trie.insert(cue, allOwners.count)
                }
                allOwners.append(owners[cue]!)
            }
            tries.append(trie)
            partTries.append(partTrie)
        }
        self.tries = tries
        self.partTries = partTries
        self.parts = parts
        self.splitCues = splitCues
        self.owners = allOwners
        self.units = activities.map { CountingUnit.familyMask(ofActivityUnit: $0.unit, category: $0.category) }
        self.ownUnit = activities.map { CountingUnit.bit(of: $0.unit) }
        self.vetoes = activities.map { activity in
            activity.cues.filter { $0.hasPrefix("-") && $0.count > 1 }.map { Array($0.unicodeScalars.dropFirst()) }
        }
    }

    /// What separates the parts of a split cue in the CSV.
    static let gapMark = "…"

    /// One cue found in a text.
    struct Match: Sendable, Hashable {
        /// Index of the cue's owners (see `owners`).
        var cue: Int
        var range: Range<Int>
        /// For a split cue, the words between its parts.
        var gap: Range<Int>? = nil

        /// Where the cue starts as seen from a count: a split cue whose parts stand on both
        /// sides of the count (修改…17部法规) starts with its second part.
        func start(after count: Range<Int>) -> Int {
            if let gap, gap.lowerBound <= count.lowerBound, gap.upperBound >= count.upperBound { return gap.upperBound }
            return range.lowerBound
        }

        var isSplit: Bool { gap != nil }
    }

    /// Every cue occurrence inside `range`, for every start; overlapping matches are all kept so
    /// the caller can prefer the one that ends nearest to a number (专题调研视察 → 调研视察).
    /// Cues inside a title (《…议案》) or naming a group of people (主席会议成员, 民主监督组) are
    /// not activities; a 《 that no 》 closes soon (a page cut mid-title) opens none.
    func matches(in s: [Unicode.Scalar], range: Range<Int>, body: Body) -> [Match] {
        let which = Body.allCases.firstIndex(of: body) ?? 0
        let trie = tries[which]
        let partTrie = partTries[which]
        var found: [Match] = []
        var here: [(Int, Int)] = []
        var firsts: [(split: Int, range: Range<Int>)] = []
        var titleEnd = range.lowerBound
        for start in range {
            let c = s[start]
            if c == "《", start >= titleEnd,
               let close = (start..<min(range.upperBound, start + Self.titleLength)).first(where: { s[$0] == "》" }) {
                titleEnd = close + 1
            }
            guard start >= titleEnd else { continue }
            if trie.startsWord(c) {
                here.removeAll(keepingCapacity: true)
                trie.appendMatches(in: s, at: start, limit: range.upperBound, to: &here)
                if let longest = here.last, !namesPeople(s, at: longest.1) {
                    for (cue, end) in here { found.append(Match(cue: cue, range: start..<end)) }
                }
            }
            if partTrie.startsWord(c) { addSplitMatches(in: s, at: start, limit: range.upperBound, trie: partTrie, firsts: &firsts, to: &found) }
        }
        return found
    }

    /// How far a title in 《》 may run.
    private static let titleLength = 80

    /// Pairs the split-cue parts starting at `start` with first parts seen before: a first part
    /// pairs with the nearest second part after it (in 从570件立案提案中遴选产生39件重点提案,
    /// 立案 goes with the first 提案 only).
    private func addSplitMatches(
        in s: [Unicode.Scalar], at start: Int, limit: Int, trie: ScalarTrie<Int>,
        firsts: inout [(split: Int, range: Range<Int>)], to found: inout [Match]
    ) {
        var here: [(Int, Int)] = []
        trie.appendMatches(in: s, at: start, limit: limit, to: &here)
        for (part, end) in here {
            var paired: [Int] = []
            for split in parts[part].second {
                for (k, first) in firsts.enumerated() where first.split == split && first.range.upperBound <= start {
                    found.append(Match(cue: splitCues[split].owner, range: first.range.lowerBound..<end, gap: first.range.upperBound..<start))
                    paired.append(k)
                }
            }
            for k in paired.sorted(by: >) { firsts.remove(at: k) }
            for split in parts[part].first { firsts.append((split, start..<end)) }
        }
    }

    /// The activity of a list item that has a verb and a count but no noun (制定地方性法规7件、
    /// 修改6件): a split cue whose first part is in `item` and whose second part is in the
    /// words of the count before (`previous`).
    func elliptical(item: Range<Int>, previous: Range<Int>, for q: Quantity, in s: [Unicode.Scalar], body: Body) -> Int? {
        let trie = partTries[Body.allCases.firstIndex(of: body) ?? 0]
        var here: [(Int, Int)] = []
        for start in item where trie.startsWord(s[start]) {
            here.removeAll(keepingCapacity: true)
            trie.appendMatches(in: s, at: start, limit: item.upperBound, to: &here)
            for (part, _) in here {
                for split in parts[part].first {
                    let noun = splitCues[split].second
                    guard previous.contains(where: { matchScalars(s, at: $0, noun) && $0 + noun.count <= previous.upperBound }) else { continue }
                    if let activity = owners[splitCues[split].owner].first(where: { accepts(q, for: $0) }) { return activity }
                }
            }
        }
        return nil
    }

    /// 常委会党组 is the committee's party group, not a meeting of the committee.
    private static let peopleWords = ScalarText.words("成员", "组成人员", "机关", "领导", "工作人员", "委员", "小组", "党组", "员")

    private func namesPeople(_ s: [Unicode.Scalar], at end: Int) -> Bool {
        for word in Self.peopleWords where matchScalars(s, at: end, word) { return true }
        // 学习组, 监督组 name groups; 组织 is a verb.
        return end < s.count && s[end] == "组" && !(end + 1 < s.count && s[end + 1] == "织")
    }

    /// The activity a cue stands for when it counts `q`, or nil if none of its activities is
    /// counted in that unit or all are vetoed there.
    func activity(of match: Match, for q: Quantity, in s: [Unicode.Scalar]) -> Int? {
        var fallback: Int?
        for activity in owners[match.cue] where accepts(q, for: activity) {
            if !vetoes[activity].isEmpty,
               isVetoed(activity, in: s, before: match.range.lowerBound) || isVetoed(activity, in: s, before: q.range.lowerBound) {
                continue
            }
            if ownUnit[activity] == q.unitBit { return activity }
            if fallback == nil { fallback = activity }
        }
        return fallback
    }

    /// The activity of `words` when they are a whole cue for `body` that can count `q` (视察调研,
    /// from the cues of the items 视察、调研): chosen by unit as in `activity(of:for:in:)`.
    func activity(ofWords words: [Unicode.Scalar], for q: Quantity, body: Body) -> Int? {
        guard !words.isEmpty else { return nil }
        let trie = tries[Body.allCases.firstIndex(of: body) ?? 0]
        guard let (cue, end) = trie.longestMatch(in: words, at: 0), end == words.count else { return nil }
        var fallback: Int?
        for activity in owners[cue] where accepts(q, for: activity) {
            if ownUnit[activity] == q.unitBit { return activity }
            if fallback == nil { fallback = activity }
        }
        return fallback
    }

    /// Whether any activity of the cue can be counted in the quantity's unit, vetoes aside: the
    /// cue to use is chosen by position first, so a vetoed cue is not replaced by one inside it.
    func canCount(_ q: Quantity, by match: Match) -> Bool {
        owners[match.cue].contains { accepts(q, for: $0) }
    }

    private func isVetoed(_ activity: Int, in s: [Unicode.Scalar], before anchor: Int) -> Bool {
        for word in vetoes[activity] {
            for gap in 0...2 where anchor - gap - word.count >= 0 {
                if gap > 0 && s[(anchor - gap)..<anchor].contains("的") { break }
                if matchScalars(s, at: anchor - gap - word.count, word) { return true }
            }
        }
        return false
    }

    /// Whether the quantity's unit (its base, before a bracketed alternative) can count the
    /// activity: 满意率 takes only percentages, 任免 only people, 常委会会议 only occasions.
    func accepts(_ q: Quantity, for activity: Int) -> Bool {
        units[activity] & q.unitBit != 0
    }

    func code(of activity: Int) -> String { activities[activity].code }

    /// Whether `activity` has a split cue whose second part (the noun its verb governs) is
    /// written in `range` (立案…提案 and 委员提案).
    func governs(_ activity: Int, nounIn range: Range<Int>, of s: [Unicode.Scalar]) -> Bool {
        splitCues.contains { split in
            owners[split.owner].contains(activity)
                && range.contains { matchScalars(s, at: $0, split.second) && $0 + split.second.count <= range.upperBound }
        }
    }

    /// The activities a cue stands for, in CSV order.
    func owners(of match: Match) -> [Int] { owners[match.cue] }
}
