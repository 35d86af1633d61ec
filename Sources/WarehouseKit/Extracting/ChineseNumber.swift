/// Reads a number as Chinese reports write it, starting at one scalar of a text.
///
/// Reports mix Arabic digits (also full-width, with thousands separators and decimals), Chinese
/// numerals (十二, 一百零五, 两千六 = 2600) and both with 万/亿 (1.2万, 3.31亿). `NumberFormatter`
/// misreads the colloquial and mixed forms, so the grammar is written out here. Digit strings
/// without units (二〇二三, 十四五) are names or years, not amounts, and read as nothing.
public enum ChineseNumber {
    public struct Reading: Sendable, Hashable {
        public var value: Double
        /// Offset just past the last scalar of the number.
        public var end: Int
        /// Written with Chinese numerals (which ordinals like 十届三次 use) rather than digits.
        public var isHan: Bool
        /// A lone 百/千/万/亿 with no digit before it: a number only in 百余条, 千余人.
        public var isBareMultiplier: Bool
    }

    /// The whole of `text` as one number (for tests and for user input), or nil.
    public static func parse(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        guard let reading = read(scalars, at: 0), reading.end == scalars.count else { return nil }
        return reading.value
    }

    /// The number that starts at `start`, or nil if none starts there.
    public static func read(_ s: [Unicode.Scalar], at start: Int) -> Reading? {
        guard start < s.count else { return nil }
        if arabicDigit(s[start]) != nil { return readArabic(s, at: start) }
        if hanDigit(s[start]) != nil || hanUnit(s[start]) != nil || isZero(s[start]) {
            return readHan(s, at: start)
        }
        return nil
    }

    // MARK: - Characters

    static func arabicDigit(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: Int(c.value - 0x30)
        case 0xFF10...0xFF19: Int(c.value - 0xFF10)
        default: nil
        }
    }

    static func hanDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "一", "壹", "幺": 1
        case "二", "两", "兩", "贰", "貳": 2
        case "三", "叁", "參": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆", "陸": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    static func isZero(_ c: Unicode.Scalar) -> Bool { c == "零" || c == "〇" }

    /// Scale of a unit character: 十百千 inside a section, 万亿 start a new section.
    static func hanUnit(_ c: Unicode.Scalar) -> Double? {
        switch c {
        case "十", "拾": 10
        case "廿": 20
        case "卅": 30
        case "百", "佰": 100
        case "千", "仟": 1000
        case "万", "萬": 10_000
        case "亿", "億": 100_000_000
        default: nil
        }
    }

    static func bigMultiplier(_ c: Unicode.Scalar) -> Double? {
        switch c {
        case "万", "萬": 10_000
        case "亿", "億": 100_000_000
        default: nil
        }
    }

    // MARK: - Arabic digits

    private static func readArabic(_ s: [Unicode.Scalar], at start: Int) -> Reading? {
        var i = start
        var integer: Double = 0
        var groupLength = 0
        while i < s.count {
            if let d = arabicDigit(s[i]) {
                integer = integer * 10 + Double(d)
                groupLength += 1
                i += 1
            } else if (s[i] == "," || s[i] == "，") && groupLength >= 1 && isThousandsGroup(s, at: i + 1) {
                // 34,567: a separator is followed by exactly three digits, never by a new number.
                i += 1
                groupLength = 0
            } else {
                break
            }
        }
        var value = integer
        if i + 1 < s.count, s[i] == "." || s[i] == "．" || s[i] == "点", arabicDigit(s[i + 1]) != nil {
            var scale = 0.1
            i += 1
            while i < s.count, let d = arabicDigit(s[i]) {
                value += Double(d) * scale
                scale /= 10
                i += 1
            }
        }
        // 1.2万, 3.31亿元, 1万600: a trailing multiplier scales the digits, and digits after it add.
        while i < s.count, let big = bigMultiplier(s[i]) ?? thousandOrHundred(s[i]) {
            value *= big
            i += 1
            if big >= 10_000, i < s.count, arabicDigit(s[i]) != nil,
               let rest = readPlainDigits(s, at: i), rest.value < big {
                value += rest.value
                i = rest.end
            }
        }
        return Reading(value: rounded(value), end: i, isHan: false, isBareMultiplier: false)
    }

    private static func thousandOrHundred(_ c: Unicode.Scalar) -> Double? {
        c == "千" ? 1000 : nil
    }

    private static func isThousandsGroup(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 2 < s.count else { return false }
        for k in i..<(i + 3) where arabicDigit(s[k]) == nil { return false }
        return i + 3 == s.count || arabicDigit(s[i + 3]) == nil
    }

    private static func readPlainDigits(_ s: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        var i = start
        var value: Double = 0
        while i < s.count, let d = arabicDigit(s[i]) {
            value = value * 10 + Double(d)
            i += 1
        }
        if i < s.count, s[i] == "." || s[i] == "．" { return nil }
        return i > start ? (value, i) : nil
    }

    /// Removes binary noise such as 18.7 × 10000 = 187000.00000000003.
    private static func rounded(_ v: Double) -> Double {
        (v * 10_000).rounded() / 10_000
    }

    // MARK: - Chinese numerals

    private static func readHan(_ s: [Unicode.Scalar], at start: Int) -> Reading? {
        var i = start
        var total: Double = 0       // completed 亿/万 sections
        var section: Double = 0     // below 万
        var pending: Int?           // a digit not yet multiplied
        var lastScale: Double = 0   // scale of the last unit seen
        var sawZero = false
        var sawDigit = false
        var unitCount = 0
        while i < s.count {
            let c = s[i]
            if let d = hanDigit(c) {
                if pending != nil { return nil }           // 十四五, 一二三: a name, not an amount
                pending = d
                sawDigit = true
            } else if isZero(c) {
                if pending != nil { return nil }           // 二〇二三: a year
                if unitCount == 0 { return nil }           // 〇/零 cannot start an amount
                sawZero = true
            } else if let scale = hanUnit(c) {
                unitCount += 1
                if scale >= 10_000 {
                    section += Double(pending ?? 0)
                    if section == 0 && total == 0 { section = 1 }
                    if scale > 10_000 {
                        total = (total + section) * scale
                    } else {
                        total += section * scale
                    }
                    section = 0
                } else {
                    if lastScale != 0 && lastScale < 10_000 && scale >= lastScale { return nil }
                    let multiplier = scale >= 20 && scale <= 30 && scale != 10 ? 1 : Double(pending ?? 1)
                    section += multiplier * scale
                }
                pending = nil
                lastScale = scale
                sawZero = false
            } else if (c == "点" || c == "點"), unitCount == 0 || lastScale == 10, pending != nil,
                      i + 1 < s.count, hanDigit(s[i + 1]) != nil || isZero(s[i + 1]) {
                // 三点三一 = 3.31, 九十八点五 = 98.5: a digit right before 点 makes it a decimal
                // point, read after units only where no digit is elided (not 两千六点五).
                var value = total + section + Double(pending!)
                var scale = 0.1
                i += 1
                while i < s.count, let d = hanDigit(s[i]) ?? (isZero(s[i]) ? 0 : nil) {
                    value += Double(d) * scale
                    scale /= 10
                    i += 1
                }
                return Reading(value: rounded(value), end: i, isHan: true, isBareMultiplier: false)
            } else {
                break
            }
            i += 1
        }
        guard i > start else { return nil }
        var end = i
        if let d = pending {
            // 两千六 = 2600, 三万五 = 35000, but 一百零五 = 105 and 十二 = 12.
            let elided = !sawZero && lastScale >= 100
            section += elided ? Double(d) * lastScale / 10 : Double(d)
        }
        if !sawDigit && unitCount == 0 { return nil }
        // A trailing 零 (一百零) reads as nothing more; leave it out of the number.
        if end > start, isZero(s[end - 1]) { end -= 1 }
        let bare = !sawDigit && unitCount == 1 && (hanUnit(s[start]) ?? 0) >= 100
        return Reading(value: rounded(total + section), end: end, isHan: true, isBareMultiplier: bare)
    }
}
