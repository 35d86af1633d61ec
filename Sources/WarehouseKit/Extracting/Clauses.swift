/// One clause of a report (between ，；。), split into its list items (between 、).
///
/// Attribution works inside a clause: 召开常委会会议7次、主任会议12次 is one clause of two
/// items, each with its own cue; 开展视察调研、执法检查、专题询问29次 is one clause whose
/// items share one count.
struct Clause: Sendable, Hashable {
    var range: Range<Int>
    /// List items in order; they cover `range` without the 、 between them.
    var items: [Range<Int>]
    /// Clauses of one sentence (up to 。！？ or a line break; a ； parts its list) share this number.
    var sentence: Int
    /// Where that sentence begins.
    var sentenceStart: Int
}

enum Clauses {
    /// The clauses that contain at least one of `positions` (sorted offsets), in text order.
    ///
    /// Separators inside brackets and quotes do not split: 兄弟省(区、市)政协 is one item.
    static func containing(_ positions: [Int], in s: [Unicode.Scalar]) -> [Clause] {
        var result: [Clause] = []
        guard !positions.isEmpty else { return result }
        var next = 0                 // index into positions
        var sentence = 0
        var sentenceStart = 0
        var clauseStart = 0
        var itemStart = 0
        var items: [Range<Int>] = []
        var depth = 0
        func close(at end: Int) {
            if next < positions.count, positions[next] < end {
                items.append(itemStart..<end)
                result.append(Clause(range: clauseStart..<end, items: items, sentence: sentence, sentenceStart: sentenceStart))
                while next < positions.count, positions[next] < end { next += 1 }
            }
            items.removeAll(keepingCapacity: true)
            clauseStart = end + 1
            itemStart = end + 1
        }
        var i = 0
        while i < s.count, next < positions.count {
            let v = s[i].value
            // Ideographs are most of the text and never separators.
            if v >= 0x4E00 && v < 0xA000 {
                i += 1
                continue
            }
            switch s[i] {
            case "(", "（", "[", "【", "《", "“", "「", "〔":
                depth += 1
            case ")", "）", "]", "】", "》", "”", "」", "〕":
                depth = max(0, depth - 1)
            case "。", "！", "？", "!", "?", "\n", "\r":
                depth = 0
                close(at: i)
                sentence += 1
                sentenceStart = i + 1
            case "；", ";":
                // A semicolon parts the members of one sentence's list (其中…127件;委员提案385件).
                depth = 0
                close(at: i)
            case "：", ":":
                if depth == 0 { close(at: i) }
            case ",", "，":
                // A comma in 34,567 or 34，567 is a thousands separator, not a clause break.
                if depth == 0 && !isThousandsSeparator(s, at: i) { close(at: i) }
            case "、":
                if depth == 0 {
                    items.append(itemStart..<i)
                    itemStart = i + 1
                }
            default:
                break
            }
            i += 1
        }
        if next < positions.count { close(at: s.count) }
        return result
    }

    private static func isThousandsSeparator(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, i + 3 < s.count, ChineseNumber.arabicDigit(s[i - 1]) != nil else { return false }
        for k in (i + 1)...(i + 3) where ChineseNumber.arabicDigit(s[k]) == nil { return false }
        return i + 4 == s.count || ChineseNumber.arabicDigit(s[i + 4]) == nil
    }
}
