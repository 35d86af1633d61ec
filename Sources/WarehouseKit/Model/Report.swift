/// One report found in a source file, after every stage of the pipeline.
public struct Report: Sendable {
    /// 1, 2, … order of the report inside its file.
    public var ordinal: Int
    public var title: String
    /// The report's normalized text; fact offsets point into it. A substring of its file's text,
    /// so that a file's reports do not hold a second copy of it while the file is loaded.
    public var text: Substring
    public var body: Body
    /// The region as the report names it (青山区, 政协兰州市城关区委员会 → 兰州市城关区), if found.
    public var regionMention: String?
    public var region: RegionResolution
    public var period: Period?
    public var sections: [SectionSpan]
    /// A report of the whole country (the State Council's, or delivered to the National People's
    /// Congress): it has no region.
    public var national = false
    /// Ordinal of an earlier report in the same file that this one repeats.
    public var duplicateOf: Int?
    public var facts: [Fact]

    public init(
        ordinal: Int, title: String, text: Substring, body: Body, regionMention: String? = nil,
        region: RegionResolution = .open, period: Period? = nil, sections: [SectionSpan] = [],
        duplicateOf: Int? = nil, facts: [Fact] = []
    ) {
        self.ordinal = ordinal
        self.title = title
        self.text = text
        self.body = body
        self.regionMention = regionMention
        self.region = region
        self.period = period
        self.sections = sections
        self.duplicateOf = duplicateOf
        self.facts = facts
    }
}
