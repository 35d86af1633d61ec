/// A short literal (cue word, body name, marker) matched against Unicode scalars.
///
/// The segmenter compares scalars instead of calling `String.contains`, which goes through
/// grapheme breaking or NSString bridging on Linux and is too slow for every heading of a
/// 100 MB compilation.
struct Phrase: ExpressibleByStringLiteral, Sendable, Hashable {
    let scalars: [Unicode.Scalar]

    init(stringLiteral value: String) {
        scalars = Array(value.unicodeScalars)
    }

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var count: Int { scalars.count }
    var utf8: [UInt8] { Array(String(String.UnicodeScalarView(scalars)).utf8) }
}

extension Array where Element == Unicode.Scalar {
    /// Offset of the first occurrence of `phrase` at or after `start`.
    func offset(of phrase: Phrase, from start: Int = 0) -> Int? {
        let pattern = phrase.scalars
        let n = pattern.count
        guard n > 0, start >= 0, count - n >= start else { return nil }
        var i = start
        while i <= count - n {
            if self[i] == pattern[0] {
                var j = 1
                while j < n && self[i + j] == pattern[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// Offset of the last occurrence of `phrase`.
    func lastOffset(of phrase: Phrase) -> Int? {
        var last: Int?
        var from = 0
        while let at = offset(of: phrase, from: from) {
            last = at
            from = at + 1
        }
        return last
    }

    func has(_ phrase: Phrase) -> Bool { offset(of: phrase) != nil }

    func has(any phrases: [Phrase]) -> Bool { phrases.contains { has($0) } }

    func matches(_ phrase: Phrase, at position: Int) -> Bool {
        let pattern = phrase.scalars
        guard position >= 0, position + pattern.count <= count else { return false }
        for (k, scalar) in pattern.enumerated() where self[position + k] != scalar { return false }
        return true
    }

    func begins(with phrase: Phrase) -> Bool { matches(phrase, at: 0) }

    func ends(with phrase: Phrase) -> Bool { matches(phrase, at: count - phrase.count) }

    var string: String { String(String.UnicodeScalarView(self)) }
}

/// Classes of scalars the segmenter needs; Chinese text does not separate words with spaces.
enum ScalarClass {
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || s.value == 0xFEFF }

    /// Digits written as characters, as in 第十九届 or 区七届.
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || "〇零一二三四五六七八九十百两".unicodeScalars.contains(s)
    }

    /// Marks that end a sentence (。 and its half-width form ｡, !, ?, ;).
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        "。｡!！?？;；".unicodeScalars.contains(s)
    }

    /// Marks that end a sentence or a clause; a title never holds one before its last word.
    /// Half-width forms (､ ｡) are what some normalizers leave.
    static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        isSentenceEnd(s) || ",，:：、､.".unicodeScalars.contains(s)
    }

    static func digitValue(_ s: Unicode.Scalar) -> Int? { isDigit(s) ? Int(s.value - 0x30) : nil }
}
