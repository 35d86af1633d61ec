/// The years a report reviews, from its title, headings, opening sentences and delivery date.
///
/// A report is filed under the last year it reviews: one delivered in January 2023 reviews 2022,
/// a five-year review delivered then covers 2018–2022.
enum PeriodDetector {
    /// What the report's own text says; `year` stays nil when it says nothing (a compilation then
    /// lends the year of its other reports).
    struct Evidence: Sendable, Hashable {
        var year: Int?
        var coversFiveYears: Bool

        func period(orYear fallback: Int?) -> Period? {
            guard let year = year ?? fallback else { return nil }
            return Period(year: year, start: coversFiveYears ? year - 4 : year, end: year)
        }
    }

    private static let titleReviewCues: [Phrase] = ["回顾", "工作", "履职", "总结"]
    private static let titlePlanCues: [Phrase] = ["展望", "安排", "计划", "任务", "打算"]

    /// - Parameters:
    ///   - title: the report's title (with its subtitle).
    ///   - opening: the first lines of the report, before any plan heading; a delivery sentence
    ///     among them may announce a five-year review (向大会报告过去五年的工作).
    ///   - dateLines: short lines of the header that may state when the report was delivered
    ///     (a page's 2023-02-14, ——2023年1月5日在…会议上), and the delivery sentence.
    static func evidence(
        title: [Unicode.Scalar], headings: [SectionHeading], opening: [[Unicode.Scalar]],
        dateLines: [[Unicode.Scalar]]
    ) -> Evidence {
        let fiveYears = headings.contains { $0.cue == .fiveYearReview }
            || (title + dateLines.joined()).has(any: SectionHeading.fiveYearReviewCues)
            || opening.contains { $0.has(any: SectionHeading.fiveYearReviewCues) && TitleDetector.delivery($0) != nil }
        let year = titleYear(title) ?? headingYear(headings) ?? openingYear(opening)
            ?? titledDeliveryYear(title) ?? deliveryYear(dateLines)
        return Evidence(year: year, coversFiveYears: fiveYears)
    }

    /// 商州区政协2022年工作回顾 → 2022; a title announcing plans (2023年工作展望) says nothing, and
    /// a year before 工作报告 is the year of delivery (see `titledDeliveryYear`).
    private static func titleYear(_ title: [Unicode.Scalar]) -> Int? {
        guard !title.has(any: titlePlanCues) else { return nil }
        return OrdinalWords.years(in: title).first { found in
            let next = Array(title[found.end...].prefix(6))
            return next.has(any: titleReviewCues) && !next.has(TitleDetector.reportWord)
        }?.year
    }

    /// 2023年政府工作报告 is delivered in 2023 and reviews 2022.
    private static func titledDeliveryYear(_ title: [Unicode.Scalar]) -> Int? {
        OrdinalWords.years(in: title).first { found in
            found.end < title.count && title[found.end] != "月" && Array(title[found.end...].prefix(8)).has(TitleDetector.reportWord)
        }.map { $0.year - 1 }
    }


    /// The year of the first dated review heading (2022年工作回顾, 2020年). A dated heading after
    /// an undated review heading heads the plan (过去一年的主要工作 … 2023年主要工作), as does a
    /// dated plan heading: the review is of the year before.
    private static func headingYear(_ headings: [SectionHeading]) -> Int? {
        let reviews = headings.filter { $0.cue != .plan && $0.cue != .paragraphYear }
        if let first = reviews.first {
            if let year = first.year { return year }
            if let later = reviews.first(where: { $0.year != nil })?.year { return later - 1 }
        }
        return headings.first { $0.cue == .plan && $0.year != nil }.map { $0.year! - 1 }
    }

    /// 2022年是…, 2023年,汉南区人大常委会…, …人大常委会2019年的履职日志.
    /// A news article's 报告提出,2023年… is what the report plans: its year says nothing of the
    /// review (报告指出,2022年… does).
    private static func openingYear(_ opening: [[Unicode.Scalar]]) -> Int? {
        for line in opening where SectionHeading.reportClauseLength(line, plansOnly: true) == nil {
            for found in OrdinalWords.years(in: Array(line.prefix(80))) where found.end < line.count {
                let next = line[found.end]
                if ",，是".unicodeScalars.contains(next) { return found.year }
                let words = Array(line[found.end...].prefix(4))
                if words.has(any: ["的履职", "履职", "工作", "的工作"]) { return found.year }
            }
        }
        return nil
    }

    /// A report delivered in the first half of a year reviews the year before; one delivered
    /// late in the year (a December session) reviews that year.
    private static func deliveryYear(_ lines: [[Unicode.Scalar]]) -> Int? {
        for line in lines {
            if let (year, month) = firstDate(in: line) { return month <= 6 ? year - 1 : year }
        }
        return nil
    }

    /// The first YYYY年M月 or YYYY-MM(-DD) / YYYY.MM / YYYY/MM in `line`.
    static func firstDate(in line: [Unicode.Scalar]) -> (year: Int, month: Int)? {
        var i = 0
        while i + 5 < line.count {
            if i == 0 || !ScalarClass.isDigit(line[i - 1]), let year = fourDigits(line, i), (1949...2100).contains(year),
                "年-./".unicodeScalars.contains(line[i + 4])
            {
                var j = i + 5
                var month = 0
                while j < line.count, j < i + 7, let d = ScalarClass.digitValue(line[j]) {
                    month = month * 10 + d
                    j += 1
                }
                let marked = line[i + 4] != "年" || (j < line.count && line[j] == "月")
                if j > i + 5, (1...12).contains(month), marked { return (year, month) }
            }
            i += 1
        }
        return nil
    }

    private static func fourDigits(_ line: [Unicode.Scalar], _ at: Int) -> Int? {
        guard at + 4 <= line.count else { return nil }
        var value = 0
        for k in 0..<4 {
            guard let d = ScalarClass.digitValue(line[at + k]) else { return nil }
            value = value * 10 + d
        }
        return value
    }
}
