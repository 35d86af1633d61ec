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
    ///   - delivered: whether the text is a report delivered to a session (a title or delivery
    ///     sentence), so that a date in its header is the delivery's; otherwise a date above the
    ///     text is a page's, and dates the review only when the text tells of a report.
    static func evidence(
        title: [Unicode.Scalar], headings: [SectionHeading], opening: [[Unicode.Scalar]],
        dateLines: [[Unicode.Scalar]], delivered: Bool = true, deliveryDate: (year: Int, month: Int)? = nil
    ) -> Evidence {
        let fiveYears = headings.contains { $0.cue == .fiveYearReview }
            || (title + dateLines.joined()).has(any: SectionHeading.fiveYearReviewCues)
            || opening.contains { $0.has(any: SectionHeading.fiveYearReviewCues) && TitleDetector.delivery($0) != nil }
        let page = dateLines.lazy.compactMap(firstDate(in:)).first
        let tellsOfAReport = delivered || opening.contains { $0.has(any: reportTold) }
        // A review heading's year (一、2009年工作回顾) is what was reviewed, and the session's
        // year in the title (2012年政府工作报告, 政府工作报告（2012）) the year after it; the
        // session's date outranks other headings' and paragraphs' years, which may be a plan's
        // (三、2006年的主要工作) or a term's start (2003年…以来).
        let year = titleYear(title) ?? reviewHeadingYear(headings) ?? titledDeliveryYear(title)
            ?? deliveryDate.map(yearReviewed(deliveredIn:)) ?? headingYear(headings) ?? openingYear(opening)
            ?? (delivered ? deliveryYear(dateLines) : nil)
            ?? asOfYear(opening, pageYear: page?.year)
            ?? page.map { tellsOfAReport && $0.month <= 6 ? $0.year - 1 : $0.year }
        return Evidence(year: year, coversFiveYears: fiveYears)
    }

    /// How a news article tells of a report delivered at a session, or looks back on the year
    /// before its date.
    private static let reportTold: [Phrase] = [
        "作工作报告", "向大会报告", "报告指出", "报告显示", "报告称", "报告说", "作报告", "一年来", "过去一年", "过去的一年",
    ]
    private static let asOfWords: [Phrase] = ["截至", "截止", "截止到"]

    /// 截至2021年7月底, 截至2005年年底, 截止1月6日: the day a review's figures stand at, which
    /// ends the period reviewed; without a year it is in the page's year.
    private static func asOfYear(_ opening: [[Unicode.Scalar]], pageYear: Int?) -> Int? {
        for line in opening {
            for word in asOfWords {
                var from = 0
                while let at = line.offset(of: word, from: from) {
                    from = at + word.count
                    if let year = OrdinalWords.year(at: from, in: line) { return year }
                    var i = from
                    while i < line.count, i < from + 2, ScalarClass.isNumeral(line[i]) { i += 1 }
                    if i > from, i < line.count, line[i] == "月", let pageYear { return pageYear }
                }
            }
        }
        return nil
    }

    /// 商州区政协2022年工作回顾 → 2022; a title announcing plans (2023年工作展望) says nothing, and
    /// a year before 工作报告 is the year of delivery (see `titledDeliveryYear`).
    private static func titleYear(_ title: [Unicode.Scalar]) -> Int? {
        guard !title.has(any: titlePlanCues) else { return nil }
        // 昆明市2005年《政府工作报告》: the marks around a title's name say nothing of its year.
        let title = title.filter { !"《》".unicodeScalars.contains($0) }
        return OrdinalWords.years(in: title).first { found in
            let next = Array(title[found.end...].prefix(6))
            return next.has(any: titleReviewCues) && !next.has(TitleDetector.reportWord)
        }?.year
    }

    /// 2023年政府工作报告 is delivered in 2023 and reviews 2022.
    private static func titledDeliveryYear(_ title: [Unicode.Scalar]) -> Int? {
        let session = OrdinalWords.years(in: title).first { found in
            found.end < title.count && title[found.end] != "月" && Array(title[found.end...].prefix(14)).has(TitleDetector.reportWord)
        }?.year ?? bracketedYear(after: title)
        return session.map { $0 - 1 }
    }

    /// 兰州市人民政府工作报告（2012）, 重庆市人民政府工作报告（2003年）: the session's year in
    /// brackets after the report's name.
    private static func bracketedYear(after title: [Unicode.Scalar]) -> Int? {
        guard let at = title.offset(of: TitleDetector.reportWord) else { return nil }
        let rest = Array(title[(at + TitleDetector.reportWord.count)...].prefix(8))
        guard let open = rest.first, "(（".unicodeScalars.contains(open), rest.count >= 6,
              let year = fourDigits(rest, 1), (1949...2100).contains(year) else { return nil }
        // （2021年12月21日 张伟文） is a date, not the session's year.
        let close = rest[5] == "年" ? 6 : 5
        return close < rest.count && "）)".unicodeScalars.contains(rest[close]) ? year : nil
    }


    /// The year of the first dated review heading (2022年工作回顾, 2020年). A dated heading after
    /// an undated review heading heads the plan (过去一年的主要工作 … 2023年主要工作), as does a
    /// dated plan heading: the review is of the year before.
    /// The year of the first heading that says it reviews (2009年工作回顾), when no other review
    /// heading comes before it.
    private static func reviewHeadingYear(_ headings: [SectionHeading]) -> Int? {
        guard let first = headings.first(where: { $0.cue != .plan && $0.cue != .paragraphYear }),
              first.cue == .review || first.cue == .fiveYearReview else { return nil }
        return first.year
    }

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
            for found in OrdinalWords.years(in: line) where found.end < line.count && !OrdinalWords.isDate(after: found.end, in: line) {
                let next = line[found.end]
                if ",，是".unicodeScalars.contains(next) { return found.year }
                // 2021年省政协举办…, 市政协2020年委员视察工作总结: the year's clause is about the
                // committee's work, unless it sets out plans (2021年有关工作安排).
                let clause = Array(line[found.end...].prefix(14).prefix { !ScalarClass.isClausePunctuation($0) })
                // A year before a report's name is its delivery's (2023年长清区政府工作报告).
                // 2003年市十二届人大一次会议以来: since a year is where a term's review begins.
                if clause.has(any: yearsWork) && !clause.has(any: titlePlanCues) && !clause.has(TitleDetector.reportTerm)
                    && !Array(line[found.end...].prefix(24).prefix { !ScalarClass.isClausePunctuation($0) }).has(since) {
                    return found.year
                }
            }
        }
        return nil
    }

    private static let yearsWork: [Phrase] = ["履职", "工作", "政协", "人大", "常委会"]
    private static let since: Phrase = "以来"

    /// The year a report delivered on the first date of `lines` reviews.
    private static func deliveryYear(_ lines: [[Unicode.Scalar]]) -> Int? {
        lines.lazy.compactMap(firstDate(in:)).first.map(yearReviewed(deliveredIn:))
    }

    /// A session hears the year before (a mid-year or autumn session reviews the last full
    /// year), except in December, when the next year's session is held early and hears this one.
    private static func yearReviewed(deliveredIn date: (year: Int, month: Int)) -> Int {
        date.month < 12 ? date.year - 1 : date.year
    }

    /// The first YYYY年M月 or YYYY-MM(-DD) / YYYY.MM / YYYY/MM in `line`.
    static func firstDate(in line: [Unicode.Scalar]) -> (year: Int, month: Int)? {
        var i = 0
        while i + 5 < line.count {
            // 二〇〇六年一月十一日: a date written in Chinese numerals.
            if let date = hanDate(line, at: i) { return date }
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

    private static let hanDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 二〇〇六年一月, 一九九八年十二月: four numerals, 年, a month of one to three numerals, 月.
    private static func hanDate(_ line: [Unicode.Scalar], at i: Int) -> (year: Int, month: Int)? {
        guard i + 6 < line.count, hanDigits[line[i]] != nil, i == 0 || hanDigits[line[i - 1]] == nil else { return nil }
        var year = 0
        for k in 0..<4 {
            guard let d = hanDigits[line[i + k]] else { return nil }
            year = year * 10 + d
        }
        guard (1949...2100).contains(year), line[i + 4] == "年" else { return nil }
        var j = i + 5
        var month = 0
        while j < line.count, j < i + 8, line[j] != "月" {
            if line[j] == "十" { month = month == 0 ? 10 : month * 10 } else if let d = hanDigits[line[j]] { month += d } else { return nil }
            j += 1
        }
        guard j < line.count, line[j] == "月", (1...12).contains(month) else { return nil }
        return (year, month)
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
