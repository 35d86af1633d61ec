/// What a user states about a report, overriding inference: from the manifest beside the
/// reports or from `warehouse load --region/--year/--body`.
public struct ReportOverride: Sendable, Hashable {
    public var regionCode: String?
    public var body: Body?
    public var year: Int?
    /// The user's reason, from the manifest's note column (shown with the given region).
    public var note: String?

    public init(regionCode: String? = nil, body: Body? = nil, year: Int? = nil, note: String? = nil) {
        self.regionCode = regionCode
        self.body = body
        self.year = year
        self.note = note
    }
}
