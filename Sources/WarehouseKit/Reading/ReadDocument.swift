/// A source file turned into clean, normalized text, with the way back to the text as written.
public struct ReadDocument: Sendable {
    /// Normalized text: half-width digits, simplified characters, no pinyin noise, web noise lines
    /// emptied. Segmenting and extraction work on this; offsets into it are Unicode-scalar offsets.
    public var text: String
    /// The decoded text as written (a web page's visible text; line endings unified to "\n"),
    /// which evidence is shown from.
    public var source: String
    /// The encoding the bytes were decoded from (utf-8, utf-16le, utf-16be, gb18030, gbk).
    public var encoding: String
    /// Non-fatal problems (replaced bytes), for the load summary.
    public var warnings: [String]
    /// Normalized → source offsets.
    public var offsets: OffsetMap
    /// Whether the file was a web page whose markup was removed.
    public var wasHTML: Bool
    /// Whether the file was written in traditional characters.
    public var wasTraditional: Bool

    /// A document whose text needed no normalization (for tests and callers that build text themselves).
    public init(text: String, encoding: String, warnings: [String] = []) {
        self.init(text: text, source: text, encoding: encoding, warnings: warnings, offsets: .identity)
    }

    public init(
        text: String, source: String, encoding: String, warnings: [String], offsets: OffsetMap,
        wasHTML: Bool = false, wasTraditional: Bool = false
    ) {
        self.text = text
        self.source = source
        self.encoding = encoding
        self.warnings = warnings
        self.offsets = offsets
        self.wasHTML = wasHTML
        self.wasTraditional = wasTraditional
    }

    /// Where the scalar at a normalized offset is in `source`.
    public func originalOffset(ofNormalized offset: Int) -> Int {
        offsets.sourceOffset(ofNormalized: offset)
    }

    /// The span of `source` a normalized span was made from.
    public func originalRange(ofNormalized range: Range<Int>) -> Range<Int> {
        offsets.sourceRange(ofNormalized: range)
    }

    /// The source text of a normalized span, as written (政協(xié) where the text says 政协).
    /// Walks `source` from its start: for showing a few evidence strings, not for every fact of a big file.
    public func originalText(ofNormalized range: Range<Int>) -> String {
        let span = originalRange(ofNormalized: range)
        let scalars = source.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: span.lowerBound, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let end = scalars.index(start, offsetBy: span.count, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[start..<end])
    }
}
