import Glibc

/// One line of UTF-8 text (without its "\n"), located both in bytes and in Unicode scalars.
struct TextLine {
    var bytes: Range<Int>
    var scalars: Range<Int>

    /// Every line of `utf8`, including empty ones.
    static func lines(of utf8: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        guard let base = utf8.baseAddress else { return [TextLine(bytes: 0..<0, scalars: 0..<0)] }
        var lines: [TextLine] = []
        var lineStart = 0
        var scalarStart = 0
        while true {
            let lineEnd = memchr(base + lineStart, 0x0A, utf8.count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? utf8.count
            var scalars = 0
            for byte in UnsafeBufferPointer(rebasing: utf8[lineStart..<lineEnd]) where byte & 0xC0 != 0x80 { scalars += 1 }
            lines.append(TextLine(bytes: lineStart..<lineEnd, scalars: scalarStart..<(scalarStart + scalars)))
            guard lineEnd < utf8.count else { return lines }
            lineStart = lineEnd + 1
            scalarStart += scalars + 1
        }
    }
}

/// Byte-level questions about a line, asked without building a String (lines of a 100 MB file).
struct LineBytes {
    let utf8: UnsafeBufferPointer<UInt8>
    /// Whether the line began with a list bullet (now stripped): how link lists are laid out.
    let startedWithBullet: Bool
    let scalarCount: Int
    /// Has a sentence end: 。！？； (ASCII ones after Chinese were already made Chinese by the normalizer).
    let hasSentenceEnd: Bool

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
        // Trimmed spaces and tabs are one byte each; a bullet is one scalar.
        scalarCount = line.scalars.count - (line.bytes.count - (end - start) - (bullet?.count ?? 0)) - (bullet == nil ? 0 : 1)
        hasSentenceEnd = Self.findsSentenceEnd(self.utf8)
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

    private static let bullets: [[UInt8]] = ["•", "·", "●", "◆", "■", "□", "▪", "◇", "○", "※", "★", "☆", "►", "▶"].map { Array($0.utf8) }

    var isEmpty: Bool { utf8.isEmpty }

    /// The scalar values of the line, decoded lazily (rules stop at the first that fails).
    var scalars: some Sequence<UInt32> {
        var index = 0
        let utf8 = utf8
        return AnySequence {
            AnyIterator { () -> UInt32? in
                guard index < utf8.count else { return nil }
                var scalar = UInt32(utf8[index])
                var length = 1
                if scalar >= 0xF0 {
                    (scalar, length) = (scalar & 0x07, 4)
                } else if scalar >= 0xE0 {
                    (scalar, length) = (scalar & 0x0F, 3)
                } else if scalar >= 0xC0 {
                    (scalar, length) = (scalar & 0x1F, 2)
                }
                for next in (index + 1)..<min(index + length, utf8.count) { scalar = scalar << 6 | UInt32(utf8[next] & 0x3F) }
                index += length
                return scalar
            }
        }
    }

    static func scalarCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// Searches with memchr for the phrase's first continuation byte: lead bytes of Chinese
    /// characters are few and everywhere, continuation bytes spread over 64 values.
    func contains(_ phrase: [UInt8]) -> Bool {
        guard !phrase.isEmpty, utf8.count >= phrase.count, let base = utf8.baseAddress else { return false }
        let anchor = phrase.firstIndex { $0 & 0xC0 == 0x80 } ?? 0
        var from = anchor
        let lastStart = utf8.count - phrase.count
        while from <= lastStart + anchor,
              let found = memchr(base + from, Int32(phrase[anchor]), lastStart + anchor - from + 1) {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - anchor
            if utf8[start...].starts(with: phrase) { return true }
            from = start + anchor + 1
        }
        return false
    }

    func containsAny(_ phrases: [[UInt8]]) -> Bool { phrases.contains(where: contains) }

    func hasPrefix(_ phrase: [UInt8]) -> Bool { utf8.starts(with: phrase) }

    func hasSuffix(_ phrase: [UInt8]) -> Bool { utf8.count >= phrase.count && utf8.suffix(phrase.count).elementsEqual(phrase) }

    /// How many times any of the given (single-scalar) marks occurs.
    func count(of marks: [[UInt8]]) -> Int {
        var total = 0
        var index = 0
        while index < utf8.count {
            if let mark = marks.first(where: { utf8[index...].starts(with: $0) }) {
                total += 1
                index += mark.count
            } else {
                index += 1
            }
        }
        return total
    }

    var hasASCIIDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// The line split at any of the separators, each part trimmed of spaces, empty parts dropped.
    func parts(separatedBy separators: [[UInt8]]) -> [UnsafeBufferPointer<UInt8>] {
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
