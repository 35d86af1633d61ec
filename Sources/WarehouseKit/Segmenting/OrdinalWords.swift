/// Words around names and headings that are not names: years (2022年), terms (第十九届, 区七届)
/// and enumerators (一、, (二)).
enum OrdinalWords {
    private static let term: Unicode.Scalar = "届"
    private static let ordinalMark: Unicode.Scalar = "第"

    /// Drops 第N届 / N届 at both ends of a name (政协第七届舟山市定海区, 杭州市临平区第一届).
    static func droppingOrdinals(_ words: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var words = words
        if let last = words.last, last == term {
            var i = words.count - 1
            while i > 0 && ScalarClass.isNumeral(words[i - 1]) { i -= 1 }
            if i > 0 && words[i - 1] == ordinalMark { i -= 1 }
            if i < words.count - 1 { words.removeSubrange(i...) }
        }
        if let first = words.first, first == ordinalMark, let end = words.firstIndex(of: term) {
            if words[1..<end].allSatisfy(ScalarClass.isNumeral) { words.removeSubrange(...end) }
        }
        return words
    }

    static func droppingCPPCCPrefix(_ words: [Unicode.Scalar]) -> [Unicode.Scalar] {
        for prefix in ["中国人民政治协商会议", "政协"] as [Phrase] where words.begins(with: prefix) {
            return Array(words[prefix.count...])
        }
        return words
    }

    /// Drops a leading 2023年 / 2023年度 (2023年长清区政府工作报告).
    static func droppingLeadingYear(_ words: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard year(at: 0, in: words) != nil else { return words }
        return Array(words[(words.count > 5 && words[5] == "度" ? 6 : 5)...])
    }

    /// Drops a trailing 2022年 / 2022年度 (…人民政府2022年工作报告).
    static func droppingTrailingYear(_ words: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var cut = words
        if cut.last == "度" { cut.removeLast() }
        guard cut.count >= 5, cut.last == "年", cut[(cut.count - 5)..<(cut.count - 1)].allSatisfy(ScalarClass.isDigit)
        else { return words }
        return Array(cut[..<(cut.count - 5)])
    }

    /// The year written as `YYYY年` at `index`, if one starts there; callers look at what follows.
    static func year(at index: Int, in text: [Unicode.Scalar]) -> Int? {
        guard index + 4 < text.count, index == 0 || !ScalarClass.isDigit(text[index - 1]) else { return nil }
        var value = 0
        for k in 0..<4 {
            guard let d = ScalarClass.digitValue(text[index + k]) else { return nil }
            value = value * 10 + d
        }
        guard (1949...2100).contains(value), text[index + 4] == "年" else { return nil }
        return value
    }

    /// A year written without 年 before the work it names (2017工作回顾): four digits alone.
    static func bareYear(in text: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i + 6 <= text.count {
            if i == 0 || !ScalarClass.isDigit(text[i - 1]), text[i..<(i + 4)].allSatisfy(ScalarClass.isDigit),
               text[i + 4] == "工", text[i + 5] == "作" {
                let value = text[i..<(i + 4)].reduce(0) { $0 * 10 + ScalarClass.digitValue($1)! }
                if (1949...2100).contains(value) { return value }
            }
            i += 1
        }
        return nil
    }

    /// Whether a title's stem names the country's own bodies (国务院, 全国人大常委会, 全国政协).
    static func namesTheCountry(_ stem: [Unicode.Scalar]) -> Bool {
        let words = droppingLeadingYear(stem)
        return ["国务院", "全国", "中华人民共和国"].contains { words.begins(with: Phrase(stringLiteral: $0)) }
    }

    /// Whether the 年 ending at `end` begins a date (2024年1月23日, 2022年十二月), not a year.
    static func isDate(after end: Int, in text: [Unicode.Scalar]) -> Bool {
        var i = end
        while i < text.count, i < end + 2, ScalarClass.isNumeral(text[i]) { i += 1 }
        return i < text.count && (text[i] == "月" || (i == end && text[i] == "-"))
    }

    /// Every `YYYY年` in `text` with the offset just after 年.
    static func years(in text: [Unicode.Scalar]) -> [(year: Int, end: Int)] {
        var found: [(Int, Int)] = []
        var i = 0
        while i + 4 < text.count {
            if let y = year(at: i, in: text) {
                found.append((y, i + 5))
                i += 5
            } else {
                i += 1
            }
        }
        return found
    }

    /// Drops 一、 / (一) / 1. before a heading's or a title's words.
    static func droppingEnumerator(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var i = 0
        if i < line.count && "(（".unicodeScalars.contains(line[i]) {
            var j = i + 1
            while j < line.count && ScalarClass.isNumeral(line[j]) { j += 1 }
            if j < line.count && j > i + 1 && ")）".unicodeScalars.contains(line[j]) { i = j + 1 }
        } else {
            var j = i
            while j < line.count && j < 3 && ScalarClass.isNumeral(line[j]) && !ScalarClass.isDigit(line[j]) { j += 1 }
            if j == i {
                while j < line.count && j < 2 && ScalarClass.isDigit(line[j]) { j += 1 }
            }
            if j > i && j < line.count && "、.．".unicodeScalars.contains(line[j]) { i = j + 1 }
        }
        return Array(line[i...])
    }
}
