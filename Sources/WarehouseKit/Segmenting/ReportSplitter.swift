/// Finds every report in a document: one, many (compilations) or two summarised in one article.
///
/// Each report runs from its start (see `ReportStartFinder`) to the next report, a page footer or
/// the end of the text. Its body comes from its title or delivery sentence; its period, sections
/// and region mention from its own headings and opening lines. A compilation lends its most
/// common year to a report that states none. A text with neither title nor delivery sentence is
/// a report of the body whose work it counts (see `UnheadedReportFinder`), which `witness` reads
/// in the vocabulary; without a witness such a text gives no report.
public enum ReportSplitter {
    /// Headings are short; longer lines are never decoded for them.
    static let headingLength = 48
    /// Non-blank lines read as a report's opening (region, year, delivery date).
    static let openingLines = 8
    /// Of those, the ones that may hold its delivery line.
    static let deliveryLines = 6

    public static func split(_ text: String, witness: ActivityWitness? = nil) -> [ReportSpan] {
        let doc = LineIndex(text)
        let footers = PageFooter.lines(in: doc)
        var starts = ReportStartFinder.starts(in: doc, footers: footers)
        if let witness {
            starts = starts.enumerated().filter { k, start in
                start.addressed || start.titleStem?.isEmpty == false || !UnheadedReportFinder.contradicts(
                    start.body, text: doc.text(of: start.line..<ReportStartFinder.endLine(of: k, in: starts, doc: doc, footers: footers)),
                    witness: witness)
            }.map(\.element)
        }
        if starts.isEmpty, let witness {
            starts = UnheadedReportFinder.starts(in: doc, footers: footers, witness: witness)
        }
        var drafts: [(span: ReportSpan, evidence: PeriodDetector.Evidence, headings: [SectionHeading])] = []
        for k in starts.indices {
            let start = starts[k]
            var end = ReportStartFinder.endLine(of: k, in: starts, doc: doc, footers: footers)
            while end > start.line + 1 && doc.isBlank(end - 1) { end -= 1 }
            let origin = doc.textStart(start.line)
            let range = origin..<doc.lines[end - 1].scalarEnd
            let headings = self.headings(in: doc, lines: (start.line + 1)..<end, origin: origin)
            let opening = self.opening(in: doc, lines: start.line..<end, until: headings.first { $0.cue == .plan })
            let delivery = DeliveryLine.find(in: [start.title] + opening.prefix(deliveryLines))
            let evidence = PeriodDetector.evidence(
                title: start.title, headings: headings, opening: opening,
                dateLines: [start.title] + opening.filter { $0.count <= 60 }, delivered: !start.unheaded,
                deliveryDate: delivery?.date)
            var region = RegionMention.find(
                titleStem: start.titleStem, title: start.title, opening: Array(opening.joined(separator: ["\n"]).prefix(800)),
                repeats: { doc.lines(containing: $0, within: start.line..<end).count })
            // The session a report was delivered to is its place's; the title's stem may be fuller.
            var source = start.titleStem?.isEmpty == false ? "title" : "opening"
            if let place = delivery?.place.string, !place.isEmpty, start.titleStem?.isEmpty ?? true {
                if !(region?.hasSuffix(place) ?? false) { region = place }
                source = "delivery line"
            }
            var span = ReportSpan(title: start.title.string, range: range, body: start.body, regionMention: region)
            span.regionSource = source
            span.untitled = start.unheaded
            span.national = delivery?.isNational == true || start.titleStem.map(OrdinalWords.namesTheCountry) == true
            drafts.append((span, evidence, headings))
        }
        let fallbackYear = mostCommonYear(drafts.compactMap(\.evidence.year))
        return drafts.map { draft in
            var span = draft.span
            span.period = draft.evidence.period(orYear: fallbackYear)
            span.sections = SectionDetector.sections(headings: draft.headings, period: span.period, length: span.range.count)
            return span
        }
    }

    /// Heading lines with a cue, and paragraphs that open with a year or 新的一年. Only short lines
    /// and the first words of lines that start with 1, 2 or 新 are decoded.
    private static func headings(in doc: LineIndex, lines: Range<Int>, origin: Int) -> [SectionHeading] {
        lines.compactMap { index in
            let line = doc.lines[index]
            guard line.scalarCount > 0 else { return nil }
            let found: (cue: SectionHeading.Cue, year: Int?)?
            if line.scalarCount <= headingLength {
                let words = doc.trimmed(index)
                found = SectionHeading.cue(of: words) ?? SectionHeading.cue(ofParagraph: words)
            } else if opensLikeAYearOrNewYear(doc, index) {
                found = SectionHeading.cue(ofParagraph: doc.trimmed(index, limit: SectionHeading.paragraphOpeningLength))
            } else if doc.hasComma(index, withinBytes: 3 * SectionHeading.paragraphOpeningLength),
                      let clause = SectionHeading.reportClauseLength(doc.trimmed(index, limit: SectionHeading.paragraphOpeningLength)) {
                // 胡悦介绍,新的一年…: what a speaker says comes after the clause.
                found = SectionHeading.cue(ofParagraph: Array(doc.trimmed(index, limit: clause + SectionHeading.paragraphOpeningLength)[clause...]))
            } else {
                found = nil
            }
            return found.map { SectionHeading(cue: $0.cue, year: $0.year, offset: doc.textStart(index) - origin) }
        }
    }

    /// 1 or 2 (a year) or the lead byte of 新 (新的一年) and 报 (报告提出).
    private static func opensLikeAYearOrNewYear(_ doc: LineIndex, _ index: Int) -> Bool {
        guard let byte = doc.firstTextByte(index) else { return false }
        return byte == 0x31 || byte == 0x32 || byte == 0xE6
    }

    /// The first non-blank lines of a report (its title or opening sentence first), stopping at its
    /// first plan heading.
    private static func opening(in doc: LineIndex, lines: Range<Int>, until plan: SectionHeading?) -> [[Unicode.Scalar]] {
        var found: [[Unicode.Scalar]] = []
        var index = lines.lowerBound - 1
        let origin = doc.textStart(lines.lowerBound)
        while found.count < openingLines, let next = doc.nextNonBlank(after: index, before: lines.upperBound) {
            if let plan, doc.textStart(next) - origin >= plan.offset { break }
            found.append(doc.trimmed(next, limit: 200))
            index = next
        }
        return found
    }

    private static func mostCommonYear(_ years: [Int]) -> Int? {
        let counts = Dictionary(years.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}
