import Foundation

/// The pure part of a load: bytes of one file in, reports with their facts out.
///
/// read → segment → (per report) resolve region, extract facts → mark near-duplicates.
/// Nothing here touches the database, so every stage can be tested on plain strings.
public struct ReportPipeline: Sendable {
    public let extractor: FactExtractor
    public let resolver: RegionResolver

    public init(activities: [Activity], gazetteer: Gazetteer) {
        self.extractor = FactExtractor(cues: CueTable(activities: activities))
        self.resolver = RegionResolver(gazetteer: gazetteer)
    }

    /// - Parameter override: what the user stated for a report (by ordinal and title), which wins over inference.
    /// - Parameter sha256: the bytes' digest when the caller has it already (the loader does).
    public func parse(
        _ data: Data, path: String, encoding: String? = nil, sha256: String? = nil,
        override: (_ ordinal: Int, _ title: String) -> ReportOverride? = { _, _ in nil }
    ) throws(ReadError) -> ParsedFile {
        let document = try DocumentReader.read(data, path: path, encoding: encoding)
        var slicer = ScalarSlicer(document.text)
        var warnings = document.warnings
        var reports: [Report] = []
        var untitled: [Bool] = []
        for (index, span) in ReportSplitter.split(document.text, witness: extractor).enumerated() {
            untitled.append(span.untitled)
            let ordinal = index + 1
            let text = slicer.slice(span.range)
            var body = span.body
            var period = span.period
            var region = span.national
                ? RegionResolution(code: nil, note: "a national report (国务院, 全国人民代表大会): it has no region")
                : resolver.resolve(title: span.title, mention: span.regionMention, text: text, mentionSource: span.regionSource)
            // A level without a place (自治区, 省) names no region worth showing.
            let mention = span.regionMention.flatMap { resolver.namesAPlace($0) ? $0 : nil }
            if let given = override(ordinal, span.title) {
                if let code = given.regionCode {
                    region = RegionResolution(code: code, candidates: [], given: true, note: given.note ?? "given by the user")
                }
                if let givenBody = given.body { body = givenBody }
                if let year = given.year { period = Period(year: year) }
            }
            let facts = extractor.extract(from: text, sections: span.sections, body: body)
            var report = Report(
                ordinal: ordinal, title: span.title, text: text, body: body,
                regionMention: span.national ? "全国" : mention, region: region, period: period,
                sections: span.sections, facts: facts)
            report.national = span.national && !region.given
            reports.append(report)
        }
        Self.shareThePageRegion(&reports, untitled: untitled)
        for (index, copyOf) in NearDuplicate.earlierCopies(of: reports.map(\.text)).enumerated() {
            if let copyOf { reports[index].duplicateOf = reports[copyOf].ordinal }
        }
        if reports.isEmpty { warnings.append("\(path): no report found in this text") }
        return ParsedFile(
            path: path, sha256: sha256 ?? SHA256.hex(data), byteCount: data.count, encoding: document.encoding,
            reports: reports, warnings: warnings)
    }

    /// A page split into one article per body (a special page on a place's two sessions) is about
    /// one place: an article that names no place at all takes the one its sibling articles name.
    private static func shareThePageRegion(_ reports: inout [Report], untitled: [Bool]) {
        guard reports.count > 1, untitled.allSatisfy({ $0 }) else { return }
        let codes = Set(reports.compactMap { $0.region.given ? nil : $0.region.code })
        guard codes.count == 1, let code = codes.first else { return }
        for k in reports.indices where reports[k].region.code == nil && reports[k].region.candidates.isEmpty
            && reports[k].regionMention == nil && !reports[k].region.given {
            let sibling = reports.first { $0.region.code == code }!
            reports[k].region = RegionResolution(
                code: code,
                note: "the article names no place; the page's other article ('\(sibling.title)') is of \(code), and a page of one article per body is about one place's sessions")
        }
    }
}
