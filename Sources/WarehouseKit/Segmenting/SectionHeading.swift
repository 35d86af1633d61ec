/// A heading line that says whether what follows reviews past work or plans work to come.
struct SectionHeading: Sendable, Hashable {
    enum Cue: Sendable, Hashable {
        /// 2022年工作回顾, 过去一年的主要工作
        case review
        /// 过去五年工作回顾, 五年工作回顾: the report covers a whole term.
        case fiveYearReview
        /// 2023年的工作安排, 今后工作建议, 工作任务
        case plan
        /// A heading that begins with a year and says no more about it (2021年, 2023年重点工作):
        /// its year against the reviewed period decides.
        case dated
        /// A year's main work (2022年主要工作): the review's heading or the plan's, by its year.
        case datedWork
        /// A paragraph that opens with a year (2023年,区人大常委会将…): it begins the plan when
        /// the year is after the reviewed period, and never ends one.
        case paragraphYear
    }

    var cue: Cue
    var year: Int?
    /// Scalar offset of the heading's line, relative to the report.
    var offset: Int

    private static let planCues: [Phrase] = [
        "工作安排", "主要任务", "工作任务", "工作建议", "今后工作", "工作打算", "工作思路", "工作展望",
        "工作计划", "工作部署", "目标任务", "新的一年", "今后五年", "今后一个时期", "下一步工作", "下步工作",
        "明年工作", "工作要点",
    ]
    private static let reviewCues: [Phrase] = ["工作回顾", "过去一年", "一年来", "工作总结", "履职回顾"]
    /// 主要工作 heads the review only with the year it covers (2022年主要工作); on its own it
    /// also heads a plan's parts.
    private static let datedReviewCue: Phrase = "主要工作"
    /// What says a report reviews a whole term, in a heading, a title or a delivery sentence.
    static let fiveYearReviewCues: [Phrase] = ["过去五年", "五年工作回顾", "五年来", "五年的工作", "五年履职"]

    /// The cue of a paragraph's first words: 2023年, / 2023年是 (a year, not a date) or 新的一年,
    /// also after the clause a news article puts before what the report says (报告提出,2024年…).
    static func cue(ofParagraph words: [Unicode.Scalar]) -> (cue: Cue, year: Int?)? {
        if let clause = reportClauseLength(words) {
            let rest = Array(words[clause...])
            // 报告提出,今年将…: what a report sets out for this year or the next is its plan.
            if reportClauseLength(words, plansOnly: true) != nil, comingYears.contains(where: { rest.begins(with: $0) }) {
                return (.plan, nil)
            }
            return cue(ofParagraph: rest)
        }
        if words.begins(with: newYear) { return (.plan, nil) }
        guard let year = OrdinalWords.year(at: 0, in: words), words.count > 5, ",，是".unicodeScalars.contains(words[5])
        else { return nil }
        return (.paragraphYear, year)
    }

    private static let newYear: Phrase = "新的一年"
    private static let since: Phrase = "以来"
    private static let comingYears: [Phrase] = ["今年", "明年", "新的一年"]

    /// How a news article introduces what the report says; the year after it still decides.
    private static let reportSays: [Phrase] = ["报告提出", "报告指出", "报告强调", "报告要求", "报告明确", "报告表示"]
    /// How a news article introduces what the report sets out to do.
    private static let reportPlans: [Phrase] = ["报告提出", "报告要求", "报告明确"]

    /// The length of a news article's 报告指出, at the start of `words`, or nil; with
    /// `plansOnly`, only of a clause that introduces plans (报告提出,).
    static func reportClauseLength(_ words: [Unicode.Scalar], plansOnly: Bool = false) -> Int? {
        if let said = (plansOnly ? reportPlans : reportSays).first(where: { words.begins(with: $0) }),
           words.count > said.count, ",，:：".unicodeScalars.contains(words[said.count]) {
            return said.count + 1
        }
        // 胡悦介绍,新的一年…: a speaker's name and a verb of saying before what the report says.
        guard !plansOnly, let comma = words.prefix(8).firstIndex(where: { ",，:：".unicodeScalars.contains($0) }),
              comma >= 3, words[..<comma].allSatisfy(ScalarClass.isHan),
              speechVerbs.contains(where: { Array(words[..<comma]).ends(with: $0) }) else { return nil }
        return comma + 1
    }

    private static let speechVerbs: [Phrase] = ["介绍", "表示", "指出", "强调", "透露", "说"]

    /// Scalars to decode at the start of a long line: a reporting clause, a year and its comma.
    static let paragraphOpeningLength = 12

    /// The cue of a heading line, or nil for a line that is not a heading or carries no cue.
    static func cue(of line: [Unicode.Scalar]) -> (cue: Cue, year: Int?)? {
        guard !line.isEmpty, line.count <= 40 else { return nil }
        if line.dropLast().contains(where: ScalarClass.isSentenceEnd) { return nil }
        let words = OrdinalWords.droppingEnumerator(line)
        // 2003年以来工作回顾: the year a term's review starts from is not the year reviewed.
        var years = OrdinalWords.years(in: words).filter { found in
            !OrdinalWords.isDate(after: found.end, in: words) && !words.matches(since, at: found.end)
        }.map(\.year)
        // 2017工作回顾: a heading may leave out 年.
        if years.isEmpty, let bare = OrdinalWords.bareYear(in: words) { years = [bare] }
        let year = years.first
        let opensWithYear = year != nil && OrdinalWords.year(at: 0, in: words) == year
        // 2022年工作回顾和2023年工作安排: the plan's year is the last one.
        if words.has(any: planCues) { return (.plan, years.last) }
        if words.has(any: fiveYearReviewCues) { return (.fiveYearReview, year) }
        if words.has(any: reviewCues) { return (.review, year) }
        if year != nil && words.has(datedReviewCue) { return (.datedWork, year) }
        if opensWithYear && words.count <= 20 && !words.dropLast().contains(where: ScalarClass.isClausePunctuation) {
            return (.dated, year)
        }
        return nil
    }
}
