/// Splits a report into review and plan sections at its headings.
///
/// A plan section runs from a plan heading (2023年的工作安排, 今后工作建议) to the end of the
/// report or to the next review heading. A dated heading is judged by its year against the
/// reviewed period: 2021年 in a review of 2020 heads the plan, 2022年工作回顾 the review. Without
/// a plan heading, a paragraph opening with the next year (2023年,常委会将…) begins the plan.
enum SectionDetector {
    static func sections(headings: [SectionHeading], period: Period?, length: Int) -> [SectionSpan] {
        guard length > 0 else { return [] }
        var spans: [SectionSpan] = []
        var current = Section.review
        var start = 0
        for heading in headings {
            guard let section = section(of: heading, period: period), section != current else { continue }
            if heading.offset > start { spans.append(SectionSpan(range: start..<heading.offset, section: current)) }
            current = section
            start = heading.offset
        }
        spans.append(SectionSpan(range: start..<length, section: current))
        return spans
    }

    private static func section(of heading: SectionHeading, period: Period?) -> Section? {
        if heading.cue == .paragraphYear {
            guard let year = heading.year, let period, year > period.end else { return nil }
            return .plan
        }
        if let year = heading.year, let period {
            return year > period.end ? .plan : .review
        }
        switch heading.cue {
        case .plan: return .plan
        case .review, .fiveYearReview: return .review
        case .dated, .datedWork, .paragraphYear: return nil
        }
    }
}
