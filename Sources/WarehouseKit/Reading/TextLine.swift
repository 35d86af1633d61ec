import Glibc

/// One line of UTF-8 text (without its "\n"), by byte range.
struct TextLine {
    var bytes: Range<Int>

    /// Every line of `utf8`, including empty ones.
    static func lines(of utf8: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        guard let base = utf8.baseAddress else { return [TextLine(bytes: 0..<0)] }
        var lines: [TextLine] = []
        var lineStart = 0
        while true {
            let lineEnd = memchr(base + lineStart, 0x0A, utf8.count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? utf8.count
            lines.append(TextLine(bytes: lineStart..<lineEnd))
            guard lineEnd < utf8.count else { return lines }
            lineStart = lineEnd + 1
        }
    }

    /// The scalar ranges of some lines (ascending), counting only up to the last of them.
    static func scalarRanges(of lines: [TextLine], in utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var counted = 0
        var scalars = 0
        for line in lines {
            let start = scalars + UTF8Bytes.scalarCount(UnsafeBufferPointer(rebasing: utf8[counted..<line.bytes.lowerBound]))
            scalars = start + UTF8Bytes.scalarCount(UnsafeBufferPointer(rebasing: utf8[line.bytes]))
            ranges.append(start..<scalars)
            counted = line.bytes.upperBound
        }
        return ranges
    }
}

/// Byte-level questions about a line, asked without building a String (lines of a 100 MB file).
struct LineBytes {
    let utf8: UnsafeBufferPointer<UInt8>
    /// Whether the line began with a list bullet (now stripped): how link lists are laid out.
    let startedWithBullet: Bool
    /// Has a sentence end: 。！？； (ASCII ones after Chinese were already made Chinese by the normalizer).
    let hasSentenceEnd: Bool
    /// Which characters the line may hold (see `NoisePhrase.signature`); all bits for sentence lines,
    /// which few rules search.
    let signature: UInt64

    /// The line without leading and trailing spaces, tabs and list bullets.
    init(_ utf8: UnsafeBufferPointer<UInt8>, line: TextLine) {
        var start = line.bytes.lowerBound
        var end = line.bytes.upperBound
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start += 1 }
        while end > start, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 { end -= 1 }
        let bullet = Self.bullets.first { UnsafeBufferPointer(rebasing: utf8[start..<end]).starts(with: $0) }
        if let bullet {
            start += bullet.count
            while start < end, utf8[start] == 0x20 { start += 1 }
        }
        self.utf8 = UnsafeBufferPointer(rebasing: utf8[start..<end])
        startedWithBullet = bullet != nil
        hasSentenceEnd = Self.findsSentenceEnd(self.utf8)
        signature = hasSentenceEnd ? ~0 : NoisePhrase.signature(of: self.utf8)
    }

    /// Stops at the first mark: in report text that is a few characters in.
    private static func findsSentenceEnd(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = utf8.count - 2
        while index < end {
            let byte = utf8[index]
            // 。 is E3 80 82; ！ ？ ； are EF BC 81, EF BC 9F, EF BC 9B.
            if byte == 0xE3, utf8[index + 1] == 0x80, utf8[index + 2] == 0x82 { return true }
            if byte == 0xEF, utf8[index + 1] == 0xBC {
                let last = utf8[index + 2]
                if last == 0x81 || last == 0x9F || last == 0x9B { return true }
            }
            index += 1
        }
        return false
    }

    /// A view of bytes that are already trimmed (for searching inside a line).
    init(unchecked utf8: UnsafeBufferPointer<UInt8>) {
        self.utf8 = utf8
        startedWithBullet = false
        hasSentenceEnd = false
        signature = ~0
    }

    private static let bullets: [[UInt8]] = ["•", "·", "●", "◆", "■", "□", "▪", "◇", "○", "※", "★", "☆", "►", "▶"].map { Array($0.utf8) }

    var isEmpty: Bool { utf8.isEmpty }

    var scalarCount: Int { UTF8Bytes.scalarCount(utf8) }

    /// The scalar values of the line, decoded lazily (rules stop at the first that fails).
    var scalars: some Sequence<UInt32> {
        var index = 0
        let utf8 = utf8
        return AnySequence {
            AnyIterator { () -> UInt32? in
                guard index < utf8.count else { return nil }
                let (value, length) = UTF8Bytes.scalar(in: utf8, at: index)
                index += length
                return value
            }
        }
    }

    /// Searches with memchr for the phrase's first continuation byte: lead bytes of Chinese
    /// characters are few and everywhere, continuation bytes spread over 64 values.
    func contains(_ phrase: NoisePhrase) -> Bool {
        phrase.signature & ~signature == 0 && firstIndex(of: phrase.utf8) != nil
    }

    func firstIndex(of phrase: [UInt8]) -> Int? {
        guard !phrase.isEmpty, utf8.count >= phrase.count, let base = utf8.baseAddress else { return nil }
        let anchor = phrase.firstIndex { $0 & 0xC0 == 0x80 } ?? 0
        var from = anchor
        let lastStart = utf8.count - phrase.count
        while from <= lastStart + anchor,
              let found = memchr(base + from, Int32(phrase[anchor]), lastStart + anchor - from + 1) {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - anchor
            if utf8[start...].starts(with: phrase) { return start }
            from = start + anchor + 1
        }
        return nil
    }

    func containsAny(_ phrases: [NoisePhrase]) -> Bool { phrases.contains(where: contains) }

    /// Whether `first` occurs followed by one of `seconds`: one search for phrases sharing a start.
    func contains(_ first: [UInt8], followedByAnyOf seconds: [[UInt8]]) -> Bool {
        var rest = utf8
        while let base = rest.baseAddress, !rest.isEmpty {
            let line = LineBytes(unchecked: rest)
            guard let start = line.firstIndex(of: first) else { return false }
            let after = UnsafeBufferPointer(rebasing: rest[(start + first.count)...])
            if seconds.contains(where: after.starts) { return true }
            rest = UnsafeBufferPointer(start: base + start + 1, count: rest.count - start - 1)
        }
        return false
    }

    func hasPrefix(_ phrase: [UInt8]) -> Bool { utf8.starts(with: phrase) }

    func hasSuffix(_ phrase: [UInt8]) -> Bool { utf8.count >= phrase.count && utf8.suffix(phrase.count).elementsEqual(phrase) }

    /// How many times the given marks occur.
    func count(of marks: [NoisePhrase]) -> Int {
        marks.reduce(0) { total, mark in
            guard mark.signature & ~signature == 0 else { return total }
            var count = 0
            var rest = self
            while let start = rest.firstIndex(of: mark.utf8) {
                count += 1
                rest = LineBytes(unchecked: UnsafeBufferPointer(rebasing: rest.utf8[(start + mark.utf8.count)...]))
            }
            return total + count
        }
    }

    var hasASCIIDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// The line split at any of the separators, each part trimmed of spaces, empty parts dropped.
    func parts(separatedBy phrases: [NoisePhrase]) -> [UnsafeBufferPointer<UInt8>] {
        let separators = phrases.filter { $0.signature & ~signature == 0 }.map(\.utf8)
        guard !separators.isEmpty else { return [utf8] }
        var parts: [UnsafeBufferPointer<UInt8>] = []
        var partStart = 0
        var index = 0
        func close(_ end: Int) {
            var start = partStart
            var stop = end
            while start < stop, utf8[start] == 0x20 { start += 1 }
            while stop > start, utf8[stop - 1] == 0x20 { stop -= 1 }
            if stop > start { parts.append(UnsafeBufferPointer(rebasing: utf8[start..<stop])) }
        }
        while index < utf8.count {
            if let separator = separators.first(where: { utf8[index...].starts(with: $0) }) {
                close(index)
                index += separator.count
                partStart = index
            } else {
                index += 1
            }
        }
        close(utf8.count)
        return parts
    }
}

/// A phrase the noise rules look for, with a signature that rules most lines out without a search.
struct NoisePhrase: ExpressibleByStringLiteral {
    let utf8: [UInt8]
    /// One bit (of 64) per character, by hash: a line lacking one of the phrase's bits cannot hold it.
    let signature: UInt64

    init(stringLiteral text: String) {
        utf8 = Array(text.utf8)
        signature = utf8.withUnsafeBufferPointer(Self.signature)
    }

    static func signature(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        var index = 0
        while index < utf8.count {
            let (value, length) = UTF8Bytes.scalar(in: utf8, at: index)
            bits |= 1 << UInt64((value &* 0x9E37_79B1) >> 26)
            index += length
        }
        return bits
    }
}
