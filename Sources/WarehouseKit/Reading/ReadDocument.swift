import Foundation

/// A source file turned into clean, normalized text, with the way back to the text as written.
public struct ReadDocument: Sendable {
    /// Normalized text: half-width digits, simplified characters, no pinyin noise, web noise lines
    /// emptied. Segmenting and extraction work on this; offsets into it are Unicode-scalar offsets.
    public var text: String
    /// The decoded text as written (a web page's visible text; line endings unified to "\n"), as
    /// UTF-8: evidence is shown from it. Kept as bytes: for a UTF-8 file these are the file's own.
    public var sourceUTF8: Data
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
        self.init(text: text, sourceUTF8: Data(text.utf8), encoding: encoding, warnings: warnings, offsets: .identity)
    }

    public init(
        text: String, sourceUTF8: Data, encoding: String, warnings: [String], offsets: OffsetMap,
        wasHTML: Bool = false, wasTraditional: Bool = false
    ) {
        self.text = text
        self.sourceUTF8 = sourceUTF8
        self.encoding = encoding
        self.warnings = warnings
        self.offsets = offsets
        self.wasHTML = wasHTML
        self.wasTraditional = wasTraditional
    }

    /// The text as written. Built on each call: keep it if you need it more than once.
    public var source: String { String(decoding: sourceUTF8, as: UTF8.self) }

    /// Where the scalar at a normalized offset is in `source`.
    public func originalOffset(ofNormalized offset: Int) -> Int {
        offsets.sourceOffset(ofNormalized: offset)
    }

    /// The span of `source` a normalized span was made from.
    public func originalRange(ofNormalized range: Range<Int>) -> Range<Int> {
        offsets.sourceRange(ofNormalized: range)
    }

    /// The source text of a normalized span, as written (政協(xié) where the text says 政协).
    /// Counts scalars from the start of `sourceUTF8`: for showing evidence, not for every fact of a big file.
    public func originalText(ofNormalized range: Range<Int>) -> String {
        let span = originalRange(ofNormalized: range)
        return sourceUTF8.withUnsafeBytes { raw in
            let utf8 = raw.bindMemory(to: UInt8.self)
            var scalar = 0
            var start = utf8.count
            var end = utf8.count
            for index in utf8.indices where utf8[index] & 0xC0 != 0x80 {
                if scalar == span.lowerBound { start = index }
                if scalar == span.upperBound {
                    end = index
                    break
                }
                scalar += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[min(start, end)..<end]), as: UTF8.self)
        }
    }
}
