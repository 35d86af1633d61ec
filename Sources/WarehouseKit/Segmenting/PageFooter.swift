/// Lines where a web page's own text begins after an article: the last report of a page stops
/// there, so related-article lists and copyright notes are not read as part of it.
enum PageFooter {
    private static let openers: [Phrase] = [
        "相关阅读", "相关新闻", "相关链接", "相关文章", "延伸阅读", "上一篇", "下一篇", "责任编辑", "免责声明",
        "版权声明", "返回顶部", "打印本页", "关闭窗口", "分享到",
    ]
    private static let notices: [Phrase] = ["版权所有", "版权归", "转载请注明"]

    /// Indices of footer lines in `doc`, ascending.
    static func lines(in doc: LineIndex) -> [Int] {
        var found = Set<Int>()
        for marker in openers + notices {
            for index in doc.lines(containing: marker) where doc.lines[index].scalarCount <= 240 {
                if isFooter(doc.trimmed(index)) { found.insert(index) }
            }
        }
        return found.sorted()
    }

    static func isFooter(_ line: [Unicode.Scalar]) -> Bool {
        let words = Array(line.drop { !ScalarClass.isHan($0) && !ScalarClass.isDigit($0) })
        return openers.contains { words.begins(with: $0) } || (line.count <= 200 && line.has(any: notices))
    }
}
