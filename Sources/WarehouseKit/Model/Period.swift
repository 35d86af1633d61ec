/// The years a report reviews: one year for an annual report, five for an end-of-term review.
///
/// `year` is the year the report is filed under (the last year reviewed).
public struct Period: Sendable, Hashable, Codable {
    public var year: Int
    public var start: Int
    public var end: Int

    public init(year: Int, start: Int? = nil, end: Int? = nil) {
        self.year = year
        self.start = start ?? year
        self.end = end ?? year
    }
}
