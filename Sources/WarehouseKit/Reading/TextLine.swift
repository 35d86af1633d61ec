/// One line of UTF-8 text (without its "\n"), located both in bytes and in Unicode scalars.
struct TextLine {
    var bytes: Range<Int>
    var scalars: Range<Int>

    /// Every line of `utf8`, including empty ones.
    static func lines(of utf8: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        var lines: [TextLine] = []
        var lineStart = 0
        var scalarStart = 0
        var scalar = 0
        for index in utf8.indices {
            let byte = utf8[index]
            if byte & 0xC0 != 0x80 { scalar += 1 }
            if byte == 0x0A {
                lines.append(TextLine(bytes: lineStart..<index, scalars: scalarStart..<(scalar - 1)))
                lineStart = index + 1
                scalarStart = scalar
            }
        }
        lines.append(TextLine(bytes: lineStart..<utf8.count, scalars: scalarStart..<scalar))
        return lines
    }
}

/// Byte-level questions about a line, asked without building a String (lines of a 100 MB file).
struct LineBytes {
    let utf8: UnsafeBufferPointer<UInt8>
    /// Whether the line began with a list bullet (now stripped): how link lists are laid out.
    let startedWithBullet: Bool

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
    }

    private static let bullets: [[UInt8]] = ["•", "·", "●", "◆", "■", "□", "▪", "◇", "○", "※", "★", "☆", "►", "▶"].map { Array($0.utf8) }

    var isEmpty: Bool { utf8.isEmpty }

    var scalarCount: Int { Self.scalarCount(utf8) }

    static func scalarCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    func contains(_ phrase: [UInt8]) -> Bool {
        guard let first = phrase.first, utf8.count >= phrase.count else { return false }
        var index = 0
        let last = utf8.count - phrase.count
        while index <= last {
            if utf8[index] == first, utf8[index...].starts(with: phrase) { return true }
            index += 1
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

    /// Ends a sentence: 。！？； (ASCII ones after Chinese were already made Chinese by the normalizer).
    var hasSentenceEnd: Bool { Self.sentenceEnds.contains(where: contains) }

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

    static let sentenceEnds: [[UInt8]] = ["。", "！", "？", "；"].map { Array($0.utf8) }
}
