/// Whether text reviews work done or plans work to come.
///
/// Plan figures (明年要开展执法检查3项) are not achievements; queries count `review` only.
public enum Section: String, Sendable, Codable, Hashable {
    case review
    case plan
}

/// A stretch of a report's text with its section kind; offsets are Unicode scalar offsets.
public struct SectionSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var section: Section

    public init(range: Range<Int>, section: Section) {
        self.range = range
        self.section = section
    }
}
