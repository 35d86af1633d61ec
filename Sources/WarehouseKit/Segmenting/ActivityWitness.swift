/// What a stretch of text counts in one body's vocabulary: the evidence of whose work a text
/// without a title reviews.
public struct BodyActivity: Sendable, Hashable {
    /// Distinct activity counts (activity and value) of the review the text states.
    public var facts: Int
    /// Those whose activity no other candidate body has (提案 for a CPPCC, 执法检查 for a
    /// people's congress): what tells the bodies apart when the text names neither.
    public var exclusive: Int

    public init(facts: Int = 0, exclusive: Int = 0) {
        self.facts = facts
        self.exclusive = exclusive
    }
}

/// Reads a text's activity counts for the segmenter, which has no vocabulary of its own.
public protocol ActivityWitness: Sendable {
    /// The counts `text` states in each candidate body's vocabulary.
    func activity(in text: Substring, bodies: [Body]) -> [Body: BodyActivity]
}
