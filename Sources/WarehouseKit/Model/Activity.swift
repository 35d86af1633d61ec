/// One activity code of the vocabulary in `data/activities.csv`.
///
/// The vocabulary is data, not code: users add cues or codes to the CSV and reload.
public struct Activity: Sendable, Hashable {
    public var code: String
    /// Body codes the activity applies to, or `["any"]`.
    public var bodies: [String]
    public var category: String
    public var nameZh: String
    public var nameEn: String
    public var unit: String
    /// Chinese cue words, most specific first as written in the CSV.
    public var cues: [String]
    public var notes: String

    public init(
        code: String, bodies: [String], category: String, nameZh: String, nameEn: String,
        unit: String, cues: [String], notes: String
    ) {
        self.code = code
        self.bodies = bodies
        self.category = category
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.unit = unit
        self.cues = cues
        self.notes = notes
    }

    /// The code under which counts matching no activity are kept.
    public static let otherCode = "other"

    public func applies(to body: Body) -> Bool {
        bodies.contains("any") || bodies.contains(body.rawValue)
    }
}
