/// A page that is one report without a title line or delivery sentence: a news page whose
/// headline and opening name a standing committee and the year it reviews (——商州区政协2022年
/// 工作回顾; 2023年,汉南区人大常委会…). A news article that only mentions a committee is not one.
enum SingleReportFinder {
    /// How often the committee must be named on the page.
    static let minimumMentions = 4
    /// How far around a committee's name the year or review cue must stand.
    private static let reach = 14
    private static let reviewCues: [Phrase] = ["一年来", "过去一年", "五年来", "过去五年", "工作回顾"]
    private static let metaOpeners: [Phrase] = [
        "来源", "作者", "通讯员", "记者", "编辑", "时间", "发布时间", "日期", "本报讯", "文/", "图/", "摄影", "点击",
    ]
    private static let dash: Unicode.Scalar = "—"

    static func find(in doc: LineIndex) -> ReportStart? {
        let candidates = Set(BodyDetector.committeeNames.flatMap { doc.lines(containing: $0.0) }).sorted()
        for index in candidates {
            let line = doc.trimmed(index, limit: 200)
            guard let body = opening(line) else { continue }
            guard BodyDetector.mentions(of: body, in: doc) >= minimumMentions else { return nil }
            return start(openingAt: index, line: line, body: body, in: doc)
        }
        return nil
    }

    /// The committee a line opens a review of, when a year (not a date) or a review cue stands
    /// near its name.
    private static func opening(_ line: [Unicode.Scalar]) -> Body? {
        for (name, body) in BodyDetector.committeeNames {
            guard let at = line.offset(of: name) else { continue }
            let window = Array(line[max(0, at - reach)..<min(line.count, at + name.count + reach)])
            let dated = OrdinalWords.years(in: window).contains { found in
                found.end >= window.count || !"月-".unicodeScalars.contains(window[found.end])
            }
            if dated || window.has(any: reviewCues) { return body }
        }
        return nil
    }

    /// The report starts at the page's headline when one stands above the opening with a
    /// ——subtitle; its title is headline and subtitle, else the opening's first sentence.
    private static func start(openingAt opening: Int, line: [Unicode.Scalar], body: Body, in doc: LineIndex) -> ReportStart {
        var above: [(index: Int, text: [Unicode.Scalar])] = [(opening, line)]
        var i = opening - 1
        while i >= 0 && above.count < 9 {
            if !doc.isBlank(i) { above.append((i, doc.trimmed(i, limit: 120))) }
            i -= 1
        }
        let isShort = { (text: [Unicode.Scalar]) in text.count <= 60 && !text.dropLast().contains(where: ScalarClass.isSentenceEnd) }
        if let subtitle = above.firstIndex(where: { $0.text.first == dash && isShort($0.text) }) {
            let headline = above[(subtitle + 1)...].prefix(4).first { isShort($0.text) && !isMeta($0.text) }
            let title = (headline?.text ?? []) + above[subtitle].text
            let first = headline?.index ?? above[subtitle].index
            return ReportStart(line: first, title: title, body: BodyDetector.firstNamed(in: title) ?? body)
        }
        // A page's date and source lines just above the opening belong to it: they date the report.
        let meta = above.dropFirst().prefix { isMeta($0.text) }.prefix(3)
        let title = isShort(line) ? line : Array(TitleDetector.firstSentence(line, limit: 30).unicodeScalars)
        return ReportStart(line: meta.last?.index ?? opening, title: title, body: body)
    }

    private static func isMeta(_ line: [Unicode.Scalar]) -> Bool {
        metaOpeners.contains { line.begins(with: $0) } || (line.count <= 24 && PeriodDetector.firstDate(in: line) != nil)
    }
}
