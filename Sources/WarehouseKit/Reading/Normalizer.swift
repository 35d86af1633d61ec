/// Normalized text as UTF-8, with the map back to the source it was made from.
struct NormalizedText {
    var utf8: [UInt8]
    var offsets: OffsetMap
    /// Whether the source was written in traditional characters (and was converted).
    var wasTraditional: Bool

    var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Empties the given lines (their "\n" stays, so line structure is kept).
    mutating func blank(_ lines: [TextLine]) {
        guard !lines.isEmpty else { return }
        var kept = [UInt8]()
        kept.reserveCapacity(utf8.count)
        var copiedUpTo = 0
        for line in lines {
            kept.append(contentsOf: utf8[copiedUpTo..<line.bytes.lowerBound])
            copiedUpTo = line.bytes.upperBound
        }
        kept.append(contentsOf: utf8[copiedUpTo...])
        utf8 = kept
        offsets = offsets.removing(lines.map(\.scalars))
    }
}

/// Puts text into the one form the extractor matches against, one scalar at a time:
///
/// - full-width digits, letters and symbols become ASCII (２７项 → 27项, ％ → %), but the Chinese
///   punctuation the extractor splits clauses on (，。；：、（）！？) stays; NFKC would turn 、 into ､
///   and ， into ",". ASCII , . ; : ? ! written right after a Chinese character (text that went through
///   such a conversion before) become their Chinese forms, for the same reason;
/// - spaces inside numbers go (27 项, 1 万, 12 345 with a thin space), other odd spaces become " ";
/// - zero-width characters go; traditional characters become simplified;
/// - pinyin annotations some sites insert after characters (區(qū), 協（xié）) go.
///
/// Newlines are never added or removed. Running it on its own output changes nothing.
enum Normalizer {
    static func normalize(_ source: String) -> NormalizedText {
        var source = source
        return source.withUTF8 { bytes in
            var pass = NormalizingPass(bytes)
            pass.run()
            return pass.result()
        }
    }
}

/// The state of one normalization pass over UTF-8 bytes. Unchanged runs are copied in bulk.
private struct NormalizingPass {
    let bytes: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var offsets = OffsetMap()
    /// Start of the run of source bytes not yet copied to `output`.
    var pendingStart = 0
    var sourceScalars = 0
    var outputScalars = 0
    /// The last scalar written, the context for spaces in numbers, pinyin and punctuation.
    var previous: UInt32 = 0x0A
    var hanCount = 0
    var traditionalCount = 0
    let traditional = TraditionalChinese.shared

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count)
    }

    mutating func run() {
        var index = 0
        while index < bytes.count {
            let (value, length) = Self.scalar(in: bytes, at: index)
            let next = index + length
            switch value {
            case 0x28, 0xFF08:
                if Self.isHan(previous), let end = PinyinAnnotation.end(in: bytes, openingAt: index) {
                    delete(from: index, to: end.byte, scalars: end.scalars)
                    index = end.byte
                    continue
                }
                keep(value)
            case 0x20, 0x09, 0xA0, 0x2002...0x200A, 0x202F, 0x205F, 0x3000:
                if let end = spaceInsideNumber(at: index) {
                    delete(from: index, to: end.byte, scalars: end.scalars)
                    index = end.byte
                    continue
                }
                if value == 0x20 || value == 0x09 { keep(value) } else { replace(at: index, length: length, with: 0x20) }
            case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
                delete(from: index, to: next, scalars: 1)
                index = next
                continue
            case 0x2028, 0x2029:
                replace(at: index, length: length, with: 0x0A)
            case 0xFF01...0xFF5E:
                if Self.keptFullWidth.contains(value) { keep(value) } else { replace(at: index, length: length, with: value - 0xFEE0) }
            case 0x21, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F:
                if Self.isHan(previous) || Self.closingCJK.contains(previous),
                   value != 0x2E || !Self.continuesWord(next < bytes.count ? bytes[next] : 0) {
                    replace(at: index, length: length, with: Self.chinesePunctuation[value]!)
                } else {
                    keep(value)
                }
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF:
                hanCount += 1
                if let simplified = traditional.simplifiedIfTraditional(value) {
                    traditionalCount += 1
                    replace(at: index, length: length, with: simplified)
                } else {
                    keep(value)
                }
            default:
                keep(value)
            }
            index = next
        }
    }

    mutating func result() -> NormalizedText {
        flush(upTo: bytes.count)
        // Enough unambiguous traditional characters mark a traditional document (a simplified text
        // quoting a traditional name stays as it is).
        let wasTraditional = traditionalCount >= 3 && traditionalCount * 20 >= hanCount
        if wasTraditional { convertAmbiguousCharacters() }
        return NormalizedText(utf8: output, offsets: offsets, wasTraditional: wasTraditional)
    }

    // MARK: - Writing

    private mutating func keep(_ value: UInt32) {
        previous = value
        sourceScalars += 1
        outputScalars += 1
    }

    private mutating func replace(at index: Int, length: Int, with value: UInt32) {
        flush(upTo: index)
        output.append(contentsOf: UTF8.encode(Unicode.Scalar(value)!)!)
        pendingStart = index + length
        keep(value)
    }

    private mutating func delete(from index: Int, to end: Int, scalars: Int) {
        flush(upTo: index)
        pendingStart = end
        offsets.recordDeletion(normalizedOffset: outputScalars, sourceOffset: sourceScalars, count: scalars)
        sourceScalars += scalars
    }

    private mutating func flush(upTo index: Int) {
        if index > pendingStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pendingStart..<index])) }
        pendingStart = index
    }

    /// 著 乾 於 後 … are simplified characters too; only a traditional document has them in the traditional sense.
    private mutating func convertAmbiguousCharacters() {
        var index = 0
        while index < output.count {
            guard output[index] >= 0xE0, output[index] < 0xF0, index + 2 < output.count else {
                index += 1
                continue
            }
            let value = UInt32(output[index] & 0x0F) << 12 | UInt32(output[index + 1] & 0x3F) << 6 | UInt32(output[index + 2] & 0x3F)
            if let simplified = traditional.simplifiedInTraditionalText(value) {
                let encoded = Array(UTF8.encode(Unicode.Scalar(simplified)!)!)
                if encoded.count == 3 { output.replaceSubrange(index..<(index + 3), with: encoded) }
            }
            index += 3
        }
    }

    // MARK: - Context rules

    /// Spaces between a digit and what it counts (27 项, 1 万, 5 %), or thin spaces grouping digits
    /// (12 345): the end of the run to delete.
    private func spaceInsideNumber(at start: Int) -> (byte: Int, scalars: Int)? {
        guard Self.isASCIIDigit(previous) else { return nil }
        var index = start
        var scalars = 0
        var onlyGroupingSpaces = true
        while index < bytes.count, scalars < 3 {
            let (value, length) = Self.scalar(in: bytes, at: index)
            switch value {
            case 0x20, 0x09, 0x3000: onlyGroupingSpaces = false
            case 0xA0, 0x2002...0x200A, 0x202F, 0x205F: break
            default:
                let countsSomething = Self.isHan(value) || value == 0x25 || value == 0xFF05
                let groupsDigits = onlyGroupingSpaces && (Self.isASCIIDigit(value) || (0xFF10...0xFF19).contains(value))
                return countsSomething || groupsDigits ? (index, scalars) : nil
            }
            index += length
            scalars += 1
        }
        return nil
    }

    // MARK: - Character classes

    /// Full-width forms that are Chinese punctuation, not stand-ins for ASCII.
    static let keptFullWidth: Set<UInt32> = [0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F]

    static let chinesePunctuation: [UInt32: UInt32] = [
        0x21: 0xFF01, 0x2C: 0xFF0C, 0x2E: 0x3002, 0x3A: 0xFF1A, 0x3B: 0xFF1B, 0x3F: 0xFF1F,
    ]

    /// Closing quotes and brackets after which ASCII punctuation is Chinese punctuation too: ” ’ 」 』 》 】 ）.
    static let closingCJK: Set<UInt32> = [0x201D, 0x2019, 0x300D, 0x300F, 0x300B, 0x3011, 0xFF09]

    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value)
    }

    static func isASCIIDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// After a ".", a letter (站.com) or another "." (an ASCII ellipsis) means it is no full stop.
    static func continuesWord(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x2E
    }

    /// Decodes the scalar at a byte index of valid UTF-8.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }
}

/// A pinyin syllable in parentheses, as some sites insert after characters: 區(qū), 協（xié）.
///
/// Only syllables with a tone mark count, so an ordinary "(a)" or "(PDF)" after a character stays.
private enum PinyinAnnotation {
    private static let tonedVowels: Set<UInt32> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars.map(\.value))

    /// The end (byte index, scalar count) of an annotation whose opening parenthesis is at `start`.
    static func end(in bytes: UnsafeBufferPointer<UInt8>, openingAt start: Int) -> (byte: Int, scalars: Int)? {
        var index = start + NormalizingPass.scalar(in: bytes, at: start).length
        var letters = 0
        var toned = false
        while index < bytes.count, letters <= 6 {
            let (value, length) = NormalizingPass.scalar(in: bytes, at: index)
            index += length
            switch value {
            case 0x61...0x7A, 0xFC:
                letters += 1
            case _ where tonedVowels.contains(value):
                letters += 1
                toned = true
            case 0x29, 0xFF09:
                return toned && letters >= 1 ? (index, letters + 2) : nil
            default:
                return nil
            }
        }
        return nil
    }
}
