/// A number with its counting unit and qualifier, as found in a text.
struct Quantity: Sendable, Hashable {
    var value: Double
    var qualifier: Qualifier
    /// As written, with a bracketed alternative kept: 次, 人次, 场(次).
    var unit: String
    /// The unit before any bracketed alternative: 场 for 场(次).
    var baseUnit: String
    /// `CountingUnit.bit(of: baseUnit)`.
    var unitBit: UInt64
    var kind: CountingUnit.Kind
    /// Offsets of the whole quantity, qualifiers included (近2000人次, 30余次).
    var range: Range<Int>
    /// Offset of the first scalar of the number itself.
    var numberStart: Int
}

/// Finds every quantity (number + counting unit) in a text and rejects ordinals and names.
///
/// The rules are linguistic, not lists of phrases: a number must be followed by a counting unit;
/// 第 makes an ordinal; a Chinese numeral before 次会议 near a 届 is a session number (十届三次);
/// a number that opens a quotation is part of a slogan (“四个意识”); 每 makes a frequency.
struct QuantityScanner: Sendable {
    private let units: ScalarTrie<Int>
    private let falseUnitWords: ScalarTrie<Bool>
    /// One bit per scalar from U+3000 to U+9FFF: set for Chinese numeral characters, so the
    /// scan tests a scalar with one load instead of a chain of comparisons.
    private let numeralBits: [UInt64]

    init() {
        var units = ScalarTrie<Int>()
        for (index, entry) in CountingUnit.all.enumerated() { units.insert(entry.unit, index) }
        self.units = units
        var words = ScalarTrie<Bool>()
        for word in CountingUnit.falseUnitWords { words.insert(word, true) }
        self.falseUnitWords = words
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x3000) / 64)
        for v in UInt32(0x3000)..<0xA000 {
            guard let c = Unicode.Scalar(v) else { continue }
            if ChineseNumber.hanDigit(c) != nil || ChineseNumber.hanUnit(c) != nil || ChineseNumber.isZero(c) {
                let k = Int(v - 0x3000)
                bits[k >> 6] |= 1 << UInt64(k & 63)
            }
        }
        self.numeralBits = bits
    }

    func quantities(in s: [Unicode.Scalar]) -> [Quantity] {
        var result: [Quantity] = []
        var i = 0
        let n = s.count
        while i < n {
            // Almost every scalar is rejected here, so this test is kept to plain loads.
            let skip = s.withUnsafeBufferPointer { buffer in
                numeralBits.withUnsafeBufferPointer { bits in
                    var k = i
                    while k < n {
                        let v = buffer[k].value
                        if v < 0x3000 {
                            if v >= 0x30 && v <= 0x39 { break }
                        } else if v < 0xA000 {
                            let b = Int(v - 0x3000)
                            if bits[b >> 6] & (1 << UInt64(b & 63)) != 0 { break }
                        } else if v >= 0xFF10 && v <= 0xFF19 {
                            break
                        }
                        k += 1
                    }
                    return k
                }
            }
            i = skip
            guard i < n else { break }
            if mayStartQuantity(s, at: i), let found = quantity(in: s, at: i) {
                result.append(found.quantity)
                i = found.resume
            } else {
                // Skip the rest of this run of numerals so 十四五 is not re-read as 四五.
                i += 1
                while i < n, startsNumber(s[i]) { i += 1 }
            }
        }
        return result
    }

    /// A cheap test before the full reading: after the run of numerals (and 多/余/万) must come
    /// something that can start a unit. Most numerals in a text (一年, 进一步, 千方百计) fail here.
    private func mayStartQuantity(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        if s[i] == "百", i + 2 < s.count, s[i + 1] == "分", s[i + 2] == "之" { return true }
        var j = i
        while j < s.count, startsNumber(s[j]) || s[j] == "." || s[j] == "," || s[j] == "，" || s[j] == "．" || s[j] == "点" {
            j += 1
        }
        if j < s.count, s[j] == "多" || s[j] == "余" || s[j] == "餘" { j += 1 }
        if j < s.count, ChineseNumber.bigMultiplier(s[j]) != nil { j += 1 }
        if j < s.count, s[j] == "多" || s[j] == "余" || s[j] == "餘" { j += 1 }
        return j < s.count && units.startsWord(s[j])
    }

    /// Digits and Chinese numerals (〇/零 included: a run is skipped whole).
    private func startsNumber(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x3000 { return v >= 0x30 && v <= 0x39 }
        if v < 0xA000 {
            let k = Int(v - 0x3000)
            return numeralBits[k >> 6] & (1 << UInt64(k & 63)) != 0
        }
        return v >= 0xFF10 && v <= 0xFF19
    }

    private func quantity(in s: [Unicode.Scalar], at start: Int) -> (quantity: Quantity, resume: Int)? {
        var isPercentWord = false
        var numberStart = start
        // 百分之九十八: the percent is written before the number.
        if matchScalars(s, at: start, Self.percentWord), start + 3 < s.count, startsNumber(s[start + 3]) {
            isPercentWord = true
            numberStart = start + 3
        }
        guard var reading = ChineseNumber.read(s, at: numberStart) else { return nil }
        if isPercentWord, matchScalars(s, at: start, Self.hundredPercent), !(start + 4 < s.count && startsNumber(s[start + 4])) {
            reading = ChineseNumber.Reading(value: 100, end: start + 4, isHan: true, isBareMultiplier: false)
        }
        let resume = reading.end
        // 一批, 一次, 一个: a lone 一 is an article far more often than a count.
        if reading.isHan, reading.end == start + 1, s[start] == "一" { return nil }
        if isInsideQuotation(s, at: start) { return nil }
        if start > 0, isOrdinalOrCode(before: s[start - 1]) { return nil }
        // 每年2次, 每季度一次: a frequency, not a count of what was done.
        for k in max(0, start - 3)..<start where s[k] == "每" { return nil }
        if start > 0, s[start - 1] == "\"" { return nil }
        var qualifier = qualifierBefore(s, numberStart: start)
        var j = reading.end
        var value = reading.value
        // 30多篇, 170余篇, 650多万字, 18.7万余人
        if j < s.count, s[j] == "多" || s[j] == "余" || s[j] == "餘" {
            qualifier = .atLeast
            j += 1
            if j < s.count, let big = ChineseNumber.bigMultiplier(s[j]) {
                value *= big
                j += 1
            }
        }
        if j < s.count, s[j] == "几" || s[j] == "幾" { return nil }  // 十几次: vague, not a figure
        // 数十次, 数百人次: "several tens", vague too.
        if reading.isHan, start > 0, s[start - 1] == "数" || s[start - 1] == "數",
           reading.end == start + 1, ChineseNumber.hanUnit(s[start]) != nil { return nil }
        if reading.isBareMultiplier && qualifier != .atLeast { return nil }
        var unitString: String
        var kind: CountingUnit.Kind
        var unitBit: UInt64
        if isPercentWord {
            unitString = "%"
            kind = .percent
            unitBit = CountingUnit.bit(of: "%")
        } else {
            guard let (entry, unitEnd) = units.longestMatch(in: s, at: j) else { return nil }
            if falseUnitWords.longestMatch(in: s, at: j) != nil { return nil }
            let unit = CountingUnit.all[entry]
            unitString = unit.unit
            kind = unit.kind
            unitBit = entry < 64 ? 1 << UInt64(entry) : 0
            if unitString == "次", reading.isHan, isSessionNumber(s, numberStart: start, after: unitEnd) { return nil }
            j = unitEnd
        }
        let baseUnit = unitString
        // 场(次), 次(篇): a bracketed alternative unit is part of the unit as written.
        if j + 2 < s.count, s[j] == "(" || s[j] == "（", let (_, altEnd) = units.longestMatch(in: s, at: j + 1),
           altEnd < s.count, s[altEnd] == ")" || s[altEnd] == "）" {
            unitString += ScalarText.string(s[j..<(altEnd + 1)])
            j = altEnd + 1
        }
        if matchScalars(s, at: j, Self.orMore) {
            qualifier = .atLeast
            j += 2
        } else if matchScalars(s, at: j, Self.orSo) {
            qualifier = .approx
            j += 2
        } else if j < s.count, s[j] == "多" || s[j] == "余", kind != .percent {
            qualifier = .atLeast
            j += 1
        }
        let rangeStart = qualifierStart(s, numberStart: start)
        let quantity = Quantity(
            value: value, qualifier: qualifier, unit: unitString, baseUnit: baseUnit, unitBit: unitBit, kind: kind,
            range: rangeStart..<j, numberStart: start)
        return (quantity, max(resume, j))
    }

    /// “四个意识”, “1个综合报告和4个专项报告”: a number inside a short quotation is part of a name.
    private func isInsideQuotation(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i - 1
        var opened = false
        while k >= 0, i - k <= 16 {
            if s[k] == "“" || s[k] == "「" { opened = true; break }
            if s[k] == "”" || s[k] == "」" || s[k] == "。" || s[k] == "\n" { return false }
            k -= 1
        }
        guard opened else { return false }
        k = i
        while k < s.count, k - i <= 16 {
            if s[k] == "”" || s[k] == "」" { return true }
            if s[k] == "“" || s[k] == "。" || s[k] == "\n" { return false }
            k += 1
        }
        return false
    }

    private func isOrdinalOrCode(before c: Unicode.Scalar) -> Bool {
        // 第三次, 每年2次, G20, 5G, v2.1, 〔2022〕3号
        c == "第" || c == "." || c == "·" || c == "-" || c == "—" || c == "~" || c == "～"
            || (c.value < 0x80 && c.properties.isAlphabetic) || c == "〔" || c == "["
    }

    /// 区十届人大三次会议, 十九届人大一次会议: a Chinese numeral before 次会议/次全会 near 届;
    /// 十三届五十三次主席会议: right after 届, before any meeting's name.
    private func isSessionNumber(_ s: [Unicode.Scalar], numberStart: Int, after unitEnd: Int) -> Bool {
        if Self.sessionWords.contains(where: { matchScalars(s, at: unitEnd, $0) }) {
            let from = max(0, numberStart - 8)
            for k in from..<numberStart where s[k] == "届" { return true }
        }
        guard numberStart > 0, s[numberStart - 1] == "届" else { return false }
        var k = unitEnd
        while k < s.count, k < unitEnd + 8, ScalarText.isHan(s[k]) {
            if matchScalars(s, at: k, Self.meeting) { return true }
            k += 1
        }
        return false
    }

    private static let meeting = Array("会议".unicodeScalars)

    private static let percentWord = Array("百分之".unicodeScalars)
    private static let hundredPercent = Array("百分之百".unicodeScalars)
    private static let orMore = Array("以上".unicodeScalars)
    private static let orSo = Array("左右".unicodeScalars)
    private static let sessionWords = ScalarText.words("会议", "全会", "全体会议", "大会")
    private static let atLeastBefore = ScalarText.words("超过", "超過", "至少")
    private static let approxBefore = ScalarText.words("将近", "接近", "不到", "不足", "大约")

    private func qualifierBefore(_ s: [Unicode.Scalar], numberStart: Int) -> Qualifier {
        let k = numberStart
        if Self.atLeastBefore.contains(where: { matchScalars(s, at: k - 2, $0) }) { return .atLeast }
        if k >= 1, s[k - 1] == "逾" { return .atLeast }
        if Self.approxBefore.contains(where: { matchScalars(s, at: k - 2, $0) }) { return .approx }
        if k >= 1, s[k - 1] == "约" || s[k - 1] == "約" { return .approx }
        if k >= 1, s[k - 1] == "近" {
            // 附近, 最近, 就近 …: there 近 means "near", not "nearly".
            let before: Unicode.Scalar = k >= 2 ? s[k - 2] : " "
            return "附最就亲靠邻临贴逼新".unicodeScalars.contains(before) ? .exact : .approx
        }
        return .exact
    }

    private func qualifierStart(_ s: [Unicode.Scalar], numberStart k: Int) -> Int {
        if Self.atLeastBefore.contains(where: { matchScalars(s, at: k - 2, $0) })
            || Self.approxBefore.contains(where: { matchScalars(s, at: k - 2, $0) }) {
            return k - 2
        }
        if k >= 1, "逾约約近".unicodeScalars.contains(s[k - 1]) { return k - 1 }
        return k
    }
}
