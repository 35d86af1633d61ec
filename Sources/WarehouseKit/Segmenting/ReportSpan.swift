/// One report found in a document's normalized text, before facts and region are attached.
public struct ReportSpan: Sendable, Hashable {
    public var title: String
    /// Unicode scalar offsets of the report in the document text.
    public var range: Range<Int>
    public var body: Body
    /// The region as written (城关区, 兰州市城关区); resolution to a code comes later.
    public var regionMention: String?
    public var period: Period?
    /// Review and plan sections, with offsets relative to the start of the report.
    public var sections: [SectionSpan]
    /// Found by what its text counts, without a title or delivery sentence (see
    /// `UnheadedReportFinder`): an article of a page, not a report as delivered.
    public var untitled = false
    /// Where `regionMention` was read: the title, the delivery line or the opening.
    public var regionSource = "title"
    /// Delivered to the National People's Congress or written for the whole country (国务院政府
    /// 工作报告): it has no region.
    public var national = false

    public init(
        title: String, range: Range<Int>, body: Body, regionMention: String? = nil,
        period: Period? = nil, sections: [SectionSpan] = []
    ) {
        self.title = title
        self.range = range
        self.body = body
        self.regionMention = regionMention
        self.period = period
        self.sections = sections
    }
}
