/// One count of one activity, with the clause it came from.
public struct Fact: Sendable, Hashable {
    /// A code of `data/activities.csv`, or `Activity.otherCode`.
    public var activityCode: String
    public var value: Double
    public var qualifier: Qualifier
    /// The unit as written (次, 项, 件, 人次, %).
    public var unit: String
    public var section: Section
    /// A breakdown after 其中 of a total that is stored as well.
    public var isPart: Bool
    /// One count that covers several activity types at once.
    public var isCombined: Bool
    /// For `other` facts: the phrase that names what was counted, so the vocabulary can grow.
    public var phrase: String?
    /// The clause that states the fact, as in the report's normalized text.
    public var evidence: String
    /// Unicode scalar offsets of `evidence` in the report's text.
    public var range: Range<Int>

    public init(
        activityCode: String, value: Double, qualifier: Qualifier = .exact, unit: String,
        section: Section = .review, isPart: Bool = false, isCombined: Bool = false,
        phrase: String? = nil, evidence: String, range: Range<Int>
    ) {
        self.activityCode = activityCode
        self.value = value
        self.qualifier = qualifier
        self.unit = unit
        self.section = section
        self.isPart = isPart
        self.isCombined = isCombined
        self.phrase = phrase
        self.evidence = evidence
        self.range = range
    }
}
