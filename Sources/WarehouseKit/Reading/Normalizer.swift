import Glibc

/// Normalized text as UTF-8, with the map back to the source it was made from.
struct NormalizedText {
    var utf8: [UInt8]
    var offsets: OffsetMap
    /// Whether the source was written in traditional characters (and was converted).
    var wasTraditional: Bool

    var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Empties the given lines (their "\n" stays, so line structure is kept).
    mutating func blank(_ lines: [TextLine]) {
        remove(lines)
    }

    /// Deletes the given byte ranges (ascending, disjoint, on scalar boundaries), keeping the
    /// offset map: how dropped lines and joined line breaks leave the text.
    mutating func remove(_ ranges: [TextLine]) {
        guard !ranges.isEmpty else { return }
        let scalarRanges = utf8.withUnsafeBufferPointer { TextLine.scalarRanges(of: ranges, in: $0) }
        // Compacts in place: a 100 MB text is not copied for a few dropped lines.
        var written = ranges[0].bytes.lowerBound
        utf8.withUnsafeMutableBufferPointer { buffer in
            for (position, range) in ranges.enumerated() {
                let keptEnd = position + 1 < ranges.count ? ranges[position + 1].bytes.lowerBound : buffer.count
                let kept = range.bytes.upperBound..<keptEnd
                if written != kept.lowerBound, !kept.isEmpty {
                    memmove(buffer.baseAddress! + written, buffer.baseAddress! + kept.lowerBound, kept.count)
                }
                written += kept.count
            }
        }
        utf8.removeSubrange(written...)
        offsets = offsets.removing(scalarRanges)
    }
}

/// Puts text into the one form the extractor matches against, one scalar at a time:
///
/// - full-width digits, letters and symbols become ASCII (２７项 → 27项, ％ → %), but the Chinese
///   punctuation the extractor splits clauses on (，。；：、（）！？) stays; NFKC would turn 、 into ､
///   and ， into ",". ASCII , . ; : ? ! written right after a Chinese character (text that went through
///   such a conversion before) become their Chinese forms, for the same reason;
/// - spaces inside numbers go (27 项, 1 万, 12 345 with a thin space), other odd spaces become " ";
/// - zero-width characters go; traditional characters become simplified; a run of question
///   marks (characters a conversion lost) becomes U+FFFD, one per mark, not a sentence end;
/// - pinyin annotations some sites insert after characters (區(qū), 協（xié）) go.
///
/// Line breaks are never removed (U+2028 and U+2029 become "\n"). Running it on its own output changes nothing.
enum Normalizer {
    /// - Parameter utf8: valid UTF-8.
    static func normalize(_ utf8: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var pass = NormalizingPass(utf8)
        pass.run()
        return pass.result()
    }

    /// A Chinese character (CJK Unified, Extension A to G, Compatibility Ideographs).
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value)
    }
}

/// The state of one normalization pass over UTF-8 bytes.
///
/// Unchanged runs are copied in bulk, and what only edits need (the previous scalar, scalar counts
/// for the offset map) is worked out at the edits, so plain text costs a byte test or a table lookup.
private struct NormalizingPass {
    let bytes: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var offsets = OffsetMap()
    /// Start of the run of source bytes not yet copied to `output`: bytes before it were edited.
    var pendingStart = 0
    /// The last scalar written at or before `pendingStart` (a text starts as if after a line break).
    var previousAtPending: UInt32 = 0x0A
    /// Source scalars before byte `countedUpTo`.
    var countedScalars = 0
    var countedUpTo = 0
    var deletedScalars = 0
    var traditionalCount = 0
    let traditional = TraditionalChinese.shared

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Some edits lengthen the text (ASCII punctuation between Chinese characters becomes
        // full width: 1 byte → 3): with room for that, a large file's output is not reallocated
        // at twice its size while the old copy is still alive.
        output.reserveCapacity(bytes.count + bytes.count / 8 + 64)
    }

    mutating func run() {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index = Self.isPlainASCII(lead) ? index + 1 : handleASCII(lead, at: index)
            } else if lead >= 0xE4, lead <= 0xE9, index + 2 < count {
                // U+4000–U+9FFF, nearly all Chinese text: only the traditional table matters.
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                if let simplified = traditional.simplifiedIfTraditional(value) {
                    traditionalCount += 1
                    replace(at: index, length: 3, with: simplified)
                }
                index += 3
            } else if (lead == 0xE3 || lead == 0xEF), index + 2 < count, Self.isPlainPunctuation(lead, bytes[index + 1], bytes[index + 2]) {
                index += 3
            } else {
                index = handleOther(at: index)
            }
        }
    }

    /// 。、《》 and ，：；）！？ (E3 80–8F, EF BC), the commonest non-ideographs in Chinese text, need
    /// nothing; U+3000, "（" (it may open a pinyin annotation) and full-width stand-ins for ASCII do.
    @inline(__always)
    private static func isPlainPunctuation(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        if lead == 0xE3 { return second >= 0x80 && second < 0x90 && !(second == 0x80 && third == 0x80) }
        return second == 0xBC && (third == 0x81 || third == 0x89 || third == 0x8C || third == 0x9A || third == 0x9B || third == 0x9F)
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x20, 0x21, 0x28, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F: false
        default: true
        }
    }

    /// Spaces, "(" and sentence punctuation: the ASCII that depends on context. Returns the next index.
    private mutating func handleASCII(_ byte: UInt8, at index: Int) -> Int {
        let previous = previousScalar(before: index)
        switch byte {
        case 0x28:
            if Normalizer.isHan(previous), let end = PinyinAnnotation.end(in: bytes, openingAt: index) {
                delete(from: index, to: end.byte, scalars: end.scalars)
                return end.byte
            }
        case 0x20, 0x09:
            if let end = spaceInsideNumber(at: index, after: previous) {
                delete(from: index, to: end.byte, scalars: end.scalars)
                return end.byte
            }
        default:
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            // 常委???议: question marks in a run stand for characters a conversion lost, not for a
            // question that would end the sentence there.
            if byte == 0x3F, next == 0x3F || previous == 0x3F || previous == 0xFFFD {
                replace(at: index, length: 1, with: 0xFFFD)
                return index + 1
            }
            if Self.isHanOrClosingCJK(previous), byte != 0x2E || !Self.continuesWord(next) {
                replace(at: index, length: 1, with: Self.chinesePunctuation(byte))
            }
        }
        return index + 1
    }

    /// Everything else that is not ASCII: odd spaces, zero-width and full-width characters,
    /// Extension A and compatibility ideographs. Returns the next index.
    private mutating func handleOther(at index: Int) -> Int {
        let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
        let next = index + length
        switch value {
        case 0xFF08:
            if Normalizer.isHan(previousScalar(before: index)), let end = PinyinAnnotation.end(in: bytes, openingAt: index) {
                delete(from: index, to: end.byte, scalars: end.scalars)
                return end.byte
            }
        case 0xA0, 0x2002...0x200A, 0x202F, 0x205F, 0x3000:
            if let end = spaceInsideNumber(at: index, after: previousScalar(before: index)) {
                delete(from: index, to: end.byte, scalars: end.scalars)
                return end.byte
            }
            replace(at: index, length: length, with: 0x20)
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
            delete(from: index, to: next, scalars: 1)
        case 0x2028, 0x2029:
            replace(at: index, length: length, with: 0x0A)
        case 0xFF01...0xFF5E:
            if !Self.isKeptFullWidth(value) { replace(at: index, length: length, with: value - 0xFEE0) }
        default:
            if let simplified = traditional.simplifiedIfTraditional(value) {
                traditionalCount += 1
                replace(at: index, length: length, with: simplified)
            }
        }
        return next
    }

    mutating func result() -> NormalizedText {
        flush(upTo: bytes.count)
        // Enough unambiguous traditional characters mark a traditional document (a simplified text
        // quoting a traditional name stays as it is).
        let wasTraditional = traditionalCount >= 3 && traditionalCount * 20 >= hanCount()
        if wasTraditional { convertAmbiguousCharacters() }
        return NormalizedText(utf8: output, offsets: offsets, wasTraditional: wasTraditional)
    }

    // MARK: - Writing

    private mutating func replace(at index: Int, length: Int, with value: UInt32) {
        flush(upTo: index)
        output.append(contentsOf: UTF8.encode(Unicode.Scalar(value)!)!)
        pendingStart = index + length
        previousAtPending = value
    }

    private mutating func delete(from index: Int, to end: Int, scalars: Int) {
        let previous = previousScalar(before: index)
        flush(upTo: index)
        let sourceOffset = sourceScalars(before: index)
        offsets.recordDeletion(normalizedOffset: sourceOffset - deletedScalars, sourceOffset: sourceOffset, count: scalars)
        deletedScalars += scalars
        countedUpTo = end
        countedScalars = sourceOffset + scalars
        pendingStart = end
        previousAtPending = previous
    }

    private mutating func flush(upTo index: Int) {
        if index > pendingStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pendingStart..<index])) }
        pendingStart = index
    }

    /// The last scalar written before source byte `index`: read back from the source inside an unchanged run.
    private func previousScalar(before index: Int) -> UInt32 {
        guard index > pendingStart else { return previousAtPending }
        var start = index - 1
        while start > pendingStart, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return UTF8Bytes.scalar(in: bytes, at: start).value
    }

    private mutating func sourceScalars(before index: Int) -> Int {
        countedScalars += UTF8Bytes.scalarCount(UnsafeBufferPointer(rebasing: bytes[countedUpTo..<index]))
        countedUpTo = index
        return countedScalars
    }

    /// Chinese characters written, to judge whether the document is traditional.
    private func hanCount() -> Int {
        var count = 0
        var index = 0
        while index < output.count {
            let lead = output[index]
            // U+3400–U+9FFF: E3 90 80 up to E9 BF BF.
            if lead >= 0xE4, lead <= 0xE9 || lead == 0xE3 && output[index + 1] >= 0x90 { count += 1 }
            index += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }
        return count
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

    /// A single space between a digit and what it counts (27 项, 1 万, 5 %), or thin spaces grouping
    /// digits (12 345): the end of the run to delete. Wider gaps are layout (2024-01-05  浏览) and stay.
    private func spaceInsideNumber(at start: Int, after previous: UInt32) -> (byte: Int, scalars: Int)? {
        guard Self.isASCIIDigit(previous) else { return nil }
        var index = start
        var scalars = 0
        var onlyGroupingSpaces = true
        while index < bytes.count {
            let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
            switch value {
            case 0x20, 0x09, 0x3000: onlyGroupingSpaces = false
            case 0xA0, 0x2002...0x200A, 0x202F, 0x205F: break
            default:
                let countsSomething = scalars == 1
                    && (Normalizer.isHan(value) || value == 0x25 || value == 0xFF05)
                let groupsDigits = onlyGroupingSpaces && (Self.isASCIIDigit(value) || (0xFF10...0xFF19).contains(value))
                return countsSomething || groupsDigits ? (index, scalars) : nil
            }
            index += length
            scalars += 1
            if scalars > 1, !onlyGroupingSpaces { return nil }
        }
        return nil
    }

    // MARK: - Character classes

    /// Full-width forms that are Chinese punctuation, not stand-ins for ASCII: ！（），：；？
    static func isKeptFullWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: true
        default: false
        }
    }

    /// The Chinese form of ASCII sentence punctuation: ! , . : ; ?
    static func chinesePunctuation(_ byte: UInt8) -> UInt32 {
        switch byte {
        case 0x2E: 0x3002
        default: UInt32(byte) + 0xFEE0
        }
    }

    /// Closing quotes and brackets after which ASCII punctuation is Chinese punctuation too: ” ’ 」 』 》 】 ）.
    static func isClosingCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x300B, 0x3011, 0xFF09: true
        default: false
        }
    }

    static func isHanOrClosingCJK(_ value: UInt32) -> Bool { Normalizer.isHan(value) || isClosingCJK(value) }

    static func isASCIIDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// After a ".", a letter (站.com) or another "." (an ASCII ellipsis) means it is no full stop.
    static func continuesWord(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x2E
    }
}

/// Pinyin in parentheses, as some sites insert after characters: 區(qū), 協（xié）, and after
/// words: 協商(xiéshāng), 民意(mín yì).
///
/// Only syllables with a tone mark count, so an ordinary "(a)" or "(PDF)" after a character stays.
private enum PinyinAnnotation {
    /// Letters of the longest annotation read: a four-character word's syllables.
    private static let longest = 28

    private static let tonedVowels: Set<UInt32> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars.map(\.value))

    /// The end (byte index, scalar count) of an annotation whose opening parenthesis is at `start`.
    static func end(in bytes: UnsafeBufferPointer<UInt8>, openingAt start: Int) -> (byte: Int, scalars: Int)? {
        var index = start + UTF8Bytes.scalar(in: bytes, at: start).length
        var letters = 0
        var spaces = 0
        var toned = false
        while index < bytes.count, letters <= longest {
            let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
            index += length
            switch value {
            case 0x61...0x7A, 0xFC:
                letters += 1
            case _ where tonedVowels.contains(value):
                letters += 1
                toned = true
            case 0x20 where letters > 0:
                spaces += 1
            case 0x29, 0xFF09:
                return toned && letters >= 1 ? (index, letters + spaces + 2) : nil
            default:
                return nil
            }
        }
        return nil
    }
}
