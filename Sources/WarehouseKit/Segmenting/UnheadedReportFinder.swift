/// Reports in a text with no title line or delivery sentence: a news page on a committee's year
/// (区政协2022年履职回眸), a yearbook entry (【人大工作】2019年,县人大常委会…), a page excerpt that
/// starts mid-report, a special page on both sessions with one article per body.
///
/// Such a text is a report of the body whose work it counts. Which body is decided by what the
/// text counts in each committee's vocabulary (提案 and 协商 are a CPPCC's, 执法检查 and 任免 a
/// people's congress's) and by the committee it names; a text that counts no committee's work
/// is no report. A page is one report unless a block under its own headline counts mostly
/// another body's work: then each run of blocks about one body is a report of its own.
enum UnheadedReportFinder {
    /// The bodies an untitled text can be about: governments publish under titles (and a text
    /// speaking for one is never a committee's or a court's).
    static let candidates: [Body] = [.npc, .cppcc, .court, .procuratorate]

    /// A line this short without a sentence mark in it is a headline, a date or a source line.
    static let headlineLength = 40

    private static let names: [Body: [Phrase]] = [
        .npc: ["人大", "人民代表大会"],
        .cppcc: ["政协", "政治协商会议"],
        .court: ["法院"],
        .procuratorate: ["检察院", "检察机关"],
    ]

    static func starts(in doc: LineIndex, footers: [Int], witness: ActivityWitness) -> [ReportStart] {
        // 我代表北京市人民政府,向大会作…的报告: another body speaks; what it reports is not a
        // committee's work, even where its title was not recognised.
        guard !speaksForAnotherBody(doc) else { return [] }
        // A page's text ends at its first footer after a paragraph: 责任编辑 above the article is
        // part of its header.
        let firstParagraph = doc.lines.indices.first { !doc.isBlank($0) && isParagraph(doc, $0) } ?? doc.lines.count
        let end = footers.first { $0 > firstParagraph } ?? doc.lines.count
        let blocks = self.blocks(in: doc, before: end)
        guard !blocks.isEmpty else { return [] }
        let evidence = blocks.map { block in judge(doc.text(of: block), witness: witness) }
        let own = evidence.map(winner(of:))
        let overall = winner(of: evidence.reduce(into: [:]) { total, one in
            for (body, e) in one { total[body, default: Evidence()].add(e) }
        })
        var bodies: [Body]
        if let overall {
            // A block that counts enough of another committee's work, and far more of it than of
            // the page's body, is that committee's.
            bodies = zip(evidence, own).map { e, own in
                guard let own, own != overall, e[own]!.activity.exclusive >= 2,
                      e[own]!.score >= 2 * (e[overall]?.score ?? 0) else { return overall }
                return own
            }
        } else {
            // Evenly matched as a whole (an article on each session): each block is the body it
            // counts, and a block that counts nothing goes with the next one that does.
            guard let last = own.last(where: { $0 != nil }) ?? nil else { return [] }
            var next = last
            bodies = own.reversed().map { body in
                next = body ?? next
                return next
            }.reversed()
        }
        var starts: [ReportStart] = []
        for (k, block) in blocks.enumerated() where k == 0 || bodies[k] != bodies[k - 1] {
            let runEnd = blocks[k...].indices.first { bodies[$0] != bodies[k] }.map { blocks[$0].lowerBound } ?? end
            var start = start(of: block.lowerBound..<runEnd, body: bodies[k], in: doc)
            start.end = runEnd
            start.unheaded = true
            starts.append(start)
        }
        return starts
    }

    /// Whether a title's body is belied by its text: a bare title confirmed only by the
    /// paragraphs after it (a site's section heading 政府工作报告 above two session articles) whose text
    /// counts two or more things only a committee does and nothing only its own body does.
    static func contradicts(_ body: Body, text: Substring, witness: ActivityWitness) -> Bool {
        let bodies = [body] + candidates.filter { $0 != body }
        let found = witness.activity(in: text, bodies: bodies)
        guard found[body]?.exclusive ?? 0 == 0 else { return false }
        return bodies.dropFirst().contains { (found[$0]?.exclusive ?? 0) >= 2 }
    }

    /// A government delivers its report under its own name: what it reports is not judged here.
    private static let otherSpeakers: [Phrase] = ["人民政府", "国务院", "政府"]
    private static let onBehalf: [Phrase] = ["我代表", "受"]

    private static let otherReports: [Phrase] = ["政府工作报告"]
    private static let yamlTitle: Phrase = "title:"

    /// Whether an opening formula in the first lines speaks for a government (我代表市人民政府),
    /// or the page's own title (its front matter's title:) names a government's report.
    private static func speaksForAnotherBody(_ doc: LineIndex) -> Bool {
        var seen = 0
        for index in doc.lines.indices where !doc.isBlank(index) {
            let line = doc.trimmed(index, limit: 120)
            if line.begins(with: yamlTitle), line.has(any: otherReports) { return true }
            for lead in onBehalf {
                var from = 0
                while let at = line.offset(of: lead, from: from) {
                    from = at + lead.count
                    let window = Array(line[from..<min(line.count, from + 16)])
                    if otherSpeakers.contains(where: { window.has($0) }), lead == "我代表" || window.has("委托") { return true }
                }
            }
            seen += 1
            if seen >= 12 { break }
        }
        return false
    }

    // MARK: - Blocks

    /// The text cut before each headline that follows a paragraph: a headline with its date and
    /// source lines opens a block, and a page with one article is one block.
    private static func blocks(in doc: LineIndex, before end: Int) -> [Range<Int>] {
        var cuts: [Int] = []
        var previousIsParagraph = false
        var first: Int?
        for index in 0..<end where !doc.isBlank(index) {
            if first == nil { first = index }
            let paragraph = isParagraph(doc, index)
            if !paragraph && previousIsParagraph { cuts.append(index) }
            previousIsParagraph = paragraph
        }
        guard let first else { return [] }
        let bounds = [first] + cuts + [end]
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// 。 ends a sentence; a headline may end with ! or ?, never with 。.
    private static let fullStops = Set("。；;".unicodeScalars)

    /// Prose: a long line with clause marks, or any line with a sentence mark inside. A long
    /// line without a clause mark is a keyword list, and a page's navigation and source lines
    /// are not prose either.
    private static func isParagraph(_ doc: LineIndex, _ index: Int) -> Bool {
        let line = doc.trimmed(index, limit: 400)
        guard line.lazy.filter(ScalarClass.isHan).count >= 8, !isMeta(line) else { return false }
        if line.dropLast().contains(where: ScalarClass.isSentenceEnd) || line.last.map(fullStops.contains) == true { return true }
        return line.count > headlineLength && line.contains(where: ScalarClass.isClausePunctuation)
    }

    // MARK: - Whose work

    private struct Evidence {
        var activity = BodyActivity()
        var names = 0

        mutating func add(_ other: Evidence) {
            activity.facts += other.activity.facts
            activity.exclusive += other.activity.exclusive
            names += other.names
        }

        /// A body's own vocabulary counts its work, and the text names it or counts several
        /// things only it does (立案83件 alone may be a procuratorate's cases, not proposals).
        var qualifies: Bool { activity.facts >= 1 && (names >= 1 || activity.exclusive >= 3) }
        var score: Int { 2 * activity.exclusive + activity.facts + min(names, 5) }
    }

    private static func judge(_ text: Substring, witness: ActivityWitness) -> [Body: Evidence] {
        let activity = witness.activity(in: text, bodies: candidates)
        let scalars = Array(text.unicodeScalars)
        var result: [Body: Evidence] = [:]
        for body in candidates {
            let named = names[body, default: []].reduce(0) { $0 + scalars.occurrences(of: $1) }
            result[body] = Evidence(activity: activity[body] ?? BodyActivity(), names: named)
        }
        return result
    }

    /// The qualifying body with the best score; a tie names no body.
    private static func winner(of evidence: [Body: Evidence]) -> Body? {
        let ranked = candidates.compactMap { body in evidence[body].map { (body, $0) } }
            .filter { $0.1.qualifies }
            .sorted { $0.1.score > $1.1.score }
        guard let best = ranked.first else { return nil }
        if ranked.count > 1 && ranked[1].1.score == best.1.score { return nil }
        return best.0
    }

    // MARK: - Title

    /// How a page's source, byline, date and navigation lines begin.
    private static let metaOpeners: [Phrase] = [
        "来源", "作者", "通讯员", "记者", "编辑", "责任编辑", "时间", "发布时间", "日期", "文/", "图/", "摄影",
        "点击", "Original URL", "http", "首页", "当前位置", "PC版",
    ]
    /// Words that make a short line a byline or a navigation path.
    private static let metaWords: [Phrase] = ["记者", "通讯员", "编辑", "来源:", "来源：", "版:", "版：", ">"]
    private static let dash: Unicode.Scalar = "—"

    /// The report runs over `lines` and starts at its headline (or the date lines just above
    /// it): the page's navigation above is not part of it. Its title is the headline above its
    /// first paragraph (one naming a body first, with a ——subtitle joined to it), else the
    /// paragraph's first words.
    private static func start(of lines: Range<Int>, body: Body, in doc: LineIndex) -> ReportStart {
        var header: [(index: Int, text: [Unicode.Scalar])] = []
        var opening: [Unicode.Scalar] = []
        var first: Int?
        for index in lines where !doc.isBlank(index) {
            if isParagraph(doc, index) {
                opening = doc.trimmed(index, limit: 200)
                first = first ?? index
                break
            }
            let text = doc.trimmed(index, limit: 120)
            if !isMeta(text) && text.count >= 4 { header.append((index, text)) }
        }
        let named = header.last { BodyDetector.firstNamed(in: $0.text) == body }
        var title = Array(TitleDetector.firstSentence(opening, limit: 30).unicodeScalars)
        if let subtitle = header.firstIndex(where: { $0.text.first == dash }) {
            let above = header[..<subtitle].last
            title = (above?.text ?? []) + header[subtitle].text
            first = above?.index ?? header[subtitle].index
        } else if let headline = named ?? header.last {
            title = headline.text
            first = headline.index
        }
        // The page's date among the meta lines just above the headline dates the report.
        var line = first ?? lines.lowerBound
        var above = line
        while let next = (lines.lowerBound..<above).last(where: { !doc.isBlank($0) }), isMeta(doc.trimmed(next, limit: 60)) {
            above = next
            if PeriodDetector.firstDate(in: doc.trimmed(next, limit: 60)) != nil { line = next }
        }
        return ReportStart(line: line, title: title, body: body, addressed: false)
    }

    private static func isMeta(_ line: [Unicode.Scalar]) -> Bool {
        metaOpeners.contains { line.begins(with: $0) } || (line.count <= headlineLength && line.has(any: metaWords))
            || (line.count <= 24 && PeriodDetector.firstDate(in: line) != nil)
            || !line.contains(where: ScalarClass.isHan)
    }
}

extension Array where Element == Unicode.Scalar {
    func occurrences(of phrase: Phrase) -> Int {
        var n = 0
        var from = 0
        while let at = offset(of: phrase, from: from) {
            n += 1
            from = at + phrase.count
        }
        return n
    }
}
