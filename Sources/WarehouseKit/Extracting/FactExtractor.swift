/// Finds every activity count in a report's text.
public struct FactExtractor: Sendable {
    public let cues: CueTable

    public init(cues: CueTable) {
        self.cues = cues
    }

    /// - Parameters:
    ///   - text: the report's normalized text; fact ranges are offsets into it.
    ///   - sections: review/plan spans of `text`; facts inside a plan span get `.plan`.
    public func extract(from text: String, sections: [SectionSpan], body: Body) -> [Fact] {
        // STUB: replaced by the extracting stage.
        []
    }
}
