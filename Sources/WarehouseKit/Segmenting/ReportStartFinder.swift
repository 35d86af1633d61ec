/// Where reports begin in a document, and what each one's opening says about it.
///
/// A report begins at a title line confirmed by what follows it (a salutation, a delivery
/// sentence, paragraphs), or at a delivery sentence that opens a paragraph (news summaries of a
/// session). A document with neither may still be one report: a page whose headline and opening
/// name a standing committee and the year it reviews.
struct ReportStart: Sendable {
    var line: Int
    var title: [Unicode.Scalar]
    var body: Body
    /// The words of the title before the body's name, where the region is written.
    var titleStem: [Unicode.Scalar]?
    /// Whether a salutation or a delivery sentence opens the report, not only paragraphs: what
    /// tells a report from a linked title in a page's footer.
    var addressed = true
    /// Where the report ends when its finder knows better than the next start or footer.
    var end: Int?
    /// Read from a page's front matter (title: …), not from its text.
    var declared = false
    /// Found by what the text counts, without a title or delivery sentence: a date above it is
    /// a page's, not the delivery's.
    var unheaded = false
}

/// How a title's first lines confirm it.
enum TitleConfirmation {
    case none, paragraphs, addressed
}

enum ReportStartFinder {
    /// Reports shorter than this (in scalars) are a title in a table of contents or a link list.
    static let minimumLength = 150
    /// How many non-blank lines after a title may hold its subtitle, date, speaker and salutation.
    static let headerLines = 6

    static func starts(in doc: LineIndex, footers: [Int]) -> [ReportStart] {
        var titles: [Int: ReportStart] = [:]
        for index in doc.lines(containing: TitleDetector.reportWord) where doc.lines[index].scalarCount <= 120 {
            let line = doc.trimmed(index)
            if let title = TitleDetector.title(line) {
                var start = ReportStart(line: index, title: TitleDetector.droppingMarkup(line), body: title.body, titleStem: title.stem)
                start.declared = TitleDetector.isDeclared(line)
                titles[index] = start
            }
        }
        let titled = titles.values.compactMap { title -> ReportStart? in
            var title = title
            switch confirmation(of: title.line, in: doc, titles: titles) {
            case .none: return nil
            case .paragraphs: title.addressed = false
            case .addressed: title.addressed = true
            }
            return title
        }.sorted { $0.line < $1.line }
        var starts = titled
        for index in Set(TitleDetector.deliveryWords.flatMap { doc.lines(containing: $0) }).sorted() {
            let line = doc.trimmed(index, limit: 400)
            guard let body = TitleDetector.delivery(line), !inHeader(index, of: titled, in: doc) else { continue }
            var first = index
            if let previous = previousNonBlank(before: index, in: doc), TitleDetector.isSalutation(doc.trimmed(previous)) {
                first = previous
            }
            let header = self.header(above: first, in: doc)
            let title = header.firstIndex { $0.text.has(TitleDetector.reportTerm) }
                .map { Array(header[...$0].map { TitleDetector.droppingMarkup($0.text) }.joined()) }
                ?? Array(TitleDetector.firstSentence(line).unicodeScalars)
            starts.append(ReportStart(line: header.first?.index ?? first, title: title, body: body))
        }
        starts.sort { $0.line < $1.line }
        // A page's declared title (front matter) names the report that the page's own title
        // starts below it, after any notice that wraps it (印发…《政府工作报告》的通知).
        if starts.count > 1, starts[0].declared, let next = starts.dropFirst().firstIndex(where: { $0.body == starts[0].body }) {
            if starts[next].titleStem?.isEmpty ?? true, starts[0].titleStem?.isEmpty == false {
                starts[next].title = starts[0].title
                starts[next].titleStem = starts[0].titleStem
            }
            starts.removeFirst()
        }
        // A delivery sentence in the first paragraphs of the same body's titled report is that
        // report's own (周恩来, 各位代表, two paragraphs, then 我代表国务院向…报告政府工作).
        starts = starts.enumerated().filter { k, start in
            guard k > 0, start.titleStem == nil, starts[k - 1].titleStem != nil, starts[k - 1].body == start.body else { return true }
            return ((starts[k - 1].line + 1)..<start.line).filter { !doc.isBlank($0) }.count > 2 * headerLines
        }.map(\.element)
        // A title just above the same body's title or delivery sentence with no paragraph between
        // (a page's headline over the report's own, a title with its date and notes) heads the
        // one report: its date line is the report's.
        for k in starts.indices.dropLast().reversed()
        where starts[k].body == starts[k + 1].body
            && ((starts[k].line + 1)..<starts[k + 1].line).filter({ !doc.isBlank($0) }).count <= 2 * headerLines
            && (length(of: k, in: starts, doc: doc, footers: footers) < minimumLength
                || !hasProse(in: (starts[k].line + 1)..<starts[k + 1].line, doc: doc)) {
            starts[k + 1].line = starts[k].line
            // The one that names the region is the report's title (2009年杭州市政府工作报告 over 政府工作报告（摘要）).
            if starts[k + 1].titleStem?.isEmpty ?? true, starts[k].titleStem?.isEmpty == false {
                starts[k + 1].title = starts[k].title
                starts[k + 1].titleStem = starts[k].titleStem
            }
            starts.remove(at: k)
        }
        // After a page footer (相关阅读, 上一篇), a title followed only by text is a linked article.
        starts = starts.enumerated().filter { k, start in
            let previous = k == 0 ? -1 : starts[k - 1].line
            return start.addressed || (firstFooter(after: previous, in: footers).map { $0 >= start.line } ?? true)
        }.map(\.element)
        // Dropping a start lengthens only the report before it, which is looked at next.
        for k in starts.indices.reversed() where length(of: k, in: starts, doc: doc, footers: footers) < minimumLength {
            starts.remove(at: k)
        }
        return starts
    }

    /// Whether lines hold a paragraph: a long line with a sentence in it. A title's date, notes
    /// and speaker are not one.
    private static func hasProse(in lines: Range<Int>, doc: LineIndex) -> Bool {
        lines.contains { index in
            doc.lines[index].scalarCount >= 50 && doc.trimmed(index, limit: 400).contains(where: ScalarClass.isSentenceEnd)
        }
    }

    /// Where the report starting at `starts[k]` ends: the next report, a page footer, or the end.
    static func endLine(of k: Int, in starts: [ReportStart], doc: LineIndex, footers: [Int]) -> Int {
        if let end = starts[k].end { return end }
        let next = k + 1 < starts.count ? starts[k + 1].line : doc.lines.count
        return min(firstFooter(after: starts[k].line, in: footers) ?? next, next)
    }

    /// - Parameter footers: footer lines, ascending.
    private static func firstFooter(after line: Int, in footers: [Int]) -> Int? {
        var low = 0
        var high = footers.count
        while low < high {
            let mid = (low + high) / 2
            if footers[mid] <= line { low = mid + 1 } else { high = mid }
        }
        return low < footers.count ? footers[low] : nil
    }

    private static func length(of k: Int, in starts: [ReportStart], doc: LineIndex, footers: [Int]) -> Int {
        let end = endLine(of: k, in: starts, doc: doc, footers: footers)
        return doc.lines[starts[k].line..<end].reduce(0) { $0 + $1.scalarCount }
    }

    /// A title is confirmed when the next line is not another title (a table of contents) and
    /// its first lines hold a salutation, a delivery sentence or a paragraph.
    private static func confirmation(of index: Int, in doc: LineIndex, titles: [Int: ReportStart]) -> TitleConfirmation {
        var line = index
        var found = TitleConfirmation.none
        for step in 0..<headerLines {
            guard let next = doc.nextNonBlank(after: line, before: line + 40) else { break }
            // A page's front matter may stand right above its own title: no table of contents.
            if step == 0 && titles[next] != nil && titles[index]?.declared != true { return .none }
            let text = doc.trimmed(next, limit: 400)
            // A salutation, a delivery sentence, or the line saying at which session it was
            // delivered (——1955年7月5日在第一届全国人民代表大会第二次会议上).
            if TitleDetector.isSalutation(text) || TitleDetector.delivery(text) != nil || DeliveryLine.find(in: [text]) != nil {
                return .addressed
            }
            if text.count >= 50 { found = .paragraphs }
            line = next
        }
        return found
    }

    /// Whether a delivery sentence at `index` belongs to the header of the title just before it.
    /// - Parameter titles: title starts, sorted by line.
    private static func inHeader(_ index: Int, of titles: [ReportStart], in doc: LineIndex) -> Bool {
        var low = 0
        var high = titles.count
        while low < high {
            let mid = (low + high) / 2
            if titles[mid].line < index { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return false }
        var line = titles[low - 1].line
        for _ in 0..<headerLines {
            guard let next = doc.nextNonBlank(after: line, before: line + 40) else { return false }
            if next == index { return true }
            line = next
        }
        return false
    }

    /// The short lines right above a delivery sentence that are its report's header: title
    /// lines, the date and session (（2012年1月17日在政协…会议上）), the speaker, the salutation.
    /// Paragraphs above belong to a news article, which has none.
    private static func header(above line: Int, in doc: LineIndex) -> [(index: Int, text: [Unicode.Scalar])] {
        var found: [(index: Int, text: [Unicode.Scalar])] = []
        var index = line
        while found.count < 2 * headerLines, let previous = previousNonBlank(before: index, in: doc),
              previous == index - 1 || doc.isBlank(index - 1) {
            let text = doc.trimmed(previous, limit: 60)
            guard text.count <= 40, !text.contains(where: ScalarClass.isSentenceEnd), !PageFooter.isFooter(text) else { break }
            found.insert((previous, text), at: 0)
            index = previous
        }
        return found
    }

    private static func previousNonBlank(before index: Int, in doc: LineIndex) -> Int? {
        var i = index - 1
        while i >= 0 && i >= index - 10 {
            if !doc.isBlank(i) { return i }
            i -= 1
        }
        return nil
    }
}
