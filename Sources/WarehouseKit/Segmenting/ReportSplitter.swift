/// Finds every report in a document: one, many (compilations) or two summarised in one article.
public enum ReportSplitter {
    public static func split(_ text: String) -> [ReportSpan] {
        // STUB: the whole text as one report; replaced by the segmenting stage.
        let count = text.unicodeScalars.count
        let body: Body = text.contains("政协") && !text.contains("人大常委会") ? .cppcc : .npc
        let title = text.split(separator: "\n").first.map(String.init) ?? ""
        return count == 0 ? [] : [ReportSpan(title: title, range: 0..<count, body: body)]
    }
}
