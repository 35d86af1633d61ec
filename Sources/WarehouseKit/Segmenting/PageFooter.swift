/// Lines where a web page's own text begins after an article: the last report of a page stops
/// there, so related-article lists and copyright notes are not read as part of it.
enum PageFooter {
    private static let openers: [Phrase] = [
        "相关阅读", "相关新闻", "相关链接", "相关文章", "延伸阅读", "上一篇", "下一篇", "责任编辑", "免责声明",
        "版权声明", "返回顶部", "打印本页", "关闭窗口", "分享到",
    ]
    private static let notices: [Phrase] = ["版权所有", "版权归", "转载请注明"]

    private static let openerBytes = openers.map(\.utf8)

    /// Indices of footer lines in `doc`, ascending. Openers are looked for at the start of each
    /// short line's bytes, notices by a search of the whole text: no line is decoded unless it
    /// is likely a footer.
    static func lines(in doc: LineIndex) -> [Int] {
        var found = Set<Int>()
        doc.utf8.withUnsafeBufferPointer { bytes in
            for (index, line) in doc.lines.enumerated() where line.scalarCount <= 240 {
                let start = firstWordByte(bytes, line.bytes)
                let opens = openerBytes.contains { opener in
                    start + opener.count <= line.bytes.upperBound
                        && opener.indices.allSatisfy { bytes[start + $0] == opener[$0] }
                }
                if opens && isFooter(doc.trimmed(index)) { found.insert(index) }
            }
        }
        for marker in notices {
            for index in doc.lines(containing: marker) where doc.lines[index].scalarCount <= 240 {
                if isFooter(doc.trimmed(index)) { found.insert(index) }
            }
        }
        return found.sorted()
    }

    /// Skips spaces (ASCII, U+3000, U+00A0), brackets ([, 【) and bullets (•, ·, >, |, *, -) at the
    /// start of a line.
    private static func firstWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x3E || b == 0x7C || b == 0x2A || b == 0x2D || b == 0x5B {
                i += 1
            } else if b == 0xE3, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 || bytes[i + 2] == 0x90 {
                i += 3
            } else if b == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA2 {
                i += 3
            } else if b == 0xC2, i + 1 < range.upperBound, bytes[i + 1] == 0xB7 || bytes[i + 1] == 0xA0 {
                i += 2
            } else {
                break
            }
        }
        return i
    }

    static func isFooter(_ line: [Unicode.Scalar]) -> Bool {
        let words = Array(line.drop { !ScalarClass.isHan($0) && !ScalarClass.isDigit($0) })
        return openers.contains { words.begins(with: $0) } || (line.count <= 200 && line.has(any: notices))
    }
}
