/// Line breaks that a hard-wrapped text (a yearbook page, a gazetteer mirror) put inside its
/// sentences: 其中,区各民主党派和工商联提案9件,委员⏎提案62件.
///
/// Chinese has no spaces, so a line that was wrapped at a fixed width simply stops mid-word;
/// the next line goes on. Such a break splits a clause and hides a count's noun from it, so it
/// is removed. A break is a wrap when its line is one of a run of lines of nearly the same width
/// (the page's measure), ends in the middle of a sentence and is followed by more of it; a title
/// above a paragraph or the last line of a paragraph is never joined.
enum HardWraps {
    /// Columns a line's width may fall short of its run's widest line and still be full.
    static let slack = 6
    /// Narrower runs are lists or headings, not wrapped prose.
    static let minimumWidth = 40

    /// The "\n" bytes to delete, each as a one-byte range.
    static func breaks(in utf8: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        let lines = TextLine.lines(of: utf8)
        var found: [TextLine] = []
        var runStart = 0
        while runStart < lines.count {
            guard !isBlank(lines[runStart], utf8) else { runStart += 1; continue }
            var runEnd = runStart
            while runEnd + 1 < lines.count, !isBlank(lines[runEnd + 1], utf8) { runEnd += 1 }
            if runEnd > runStart {
                let widths = lines[runStart...runEnd].map { width(of: $0, utf8) }
                let measure = widths.dropLast().max() ?? 0
                let full = widths.dropLast().filter { $0 >= measure - slack }.count
                if measure >= minimumWidth, full >= 2 {
                    for k in runStart..<runEnd where widths[k - runStart] >= measure - slack
                        && endsMidSentence(lines[k], utf8) && startsText(lines[k + 1], utf8) {
                        found.append(TextLine(bytes: lines[k].bytes.upperBound..<(lines[k].bytes.upperBound + 1)))
                    }
                }
            }
            runStart = runEnd + 1
        }
        return found
    }

    private static func isBlank(_ line: TextLine, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        line.bytes.allSatisfy { utf8[$0] == 0x20 || utf8[$0] == 0x09 || utf8[$0] == 0x0D }
    }

    /// Display columns: two for a character outside ASCII, one for ASCII.
    private static func width(of line: TextLine, _ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var columns = 0
        for i in line.bytes {
            let b = utf8[i]
            if b < 0x80 { columns += 1 } else if b & 0xC0 != 0x80 { columns += 2 }
        }
        return columns
    }

    /// The line's last scalar is a Chinese character, a digit or a clause mark inside a sentence
    /// (，、), not 。！？；： or a closing bracket.
    private static func endsMidSentence(_ line: TextLine, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = lastScalar(line, utf8) else { return false }
        return Normalizer.isHan(last) || (last >= 0x30 && last <= 0x39) || last == 0xFF0C || last == 0x3001
    }

    private static func startsText(_ line: TextLine, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = line.bytes.first, utf8[start] != 0x20, utf8[start] != 0x09, let first = scalar(at: start, utf8)
        else { return false }
        return Normalizer.isHan(first) || (first >= 0x30 && first <= 0x39)
    }

    private static func lastScalar(_ line: TextLine, _ utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var end = line.bytes.upperBound
        while end > line.bytes.lowerBound, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x0D { end -= 1 }
        guard end > line.bytes.lowerBound else { return nil }
        var start = end - 1
        while start > line.bytes.lowerBound, utf8[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, utf8)
    }

    private static func scalar(at i: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return b0 }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= utf8.count else { return nil }
        var value = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
        return value
    }
}
