/// Which body a report belongs to, from the words that name it.
enum BodyDetector {
    /// Names that end a title's words before 工作报告, longest first so that
    /// 人民代表大会常务委员会 wins over 常务委员会.
    private static let titleEndings: [(Phrase, Body?)] = [
        ("人民代表大会常务委员会", .npc), ("人大常务委员会", .npc), ("人大常委会", .npc),
        ("委员会常务委员会", .cppcc), ("政协常务委员会", .cppcc), ("政协常委会", .cppcc),
        ("常务委员会", nil), ("常委会", nil), ("委员会", nil),
        ("人民检察院", .procuratorate), ("检察院", .procuratorate),
        ("人民法院", .court), ("法院", .court),
        ("人民政府", .gov), ("政府", .gov),
    ]

    private static let cppccNames: [Phrase] = ["政协", "政治协商会议"]
    private static let npcNames: [Phrase] = ["人民代表大会", "人大"]

    /// The body named by the words just before 工作报告, and the words before that name
    /// (the stem, where the region is written). A bare 常务委员会 counts only when the stem
    /// says whose (政协…, …人大).
    static func titled(_ before: [Unicode.Scalar]) -> (body: Body, stem: [Unicode.Scalar])? {
        for (ending, body) in titleEndings where before.ends(with: ending) {
            let stem = Array(before[..<(before.count - ending.count)])
            if let body { return (body, stem) }
            if stem.has(any: cppccNames) { return (.cppcc, stem) }
            if ending != "委员会" && stem.has(any: npcNames) { return (.npc, stem) }
            return nil
        }
        return nil
    }

    /// Words that name a body in running text, with the body they name.
    private static let namesInText: [(Phrase, Body)] = [
        ("人大常委会", .npc), ("人民代表大会常务委员会", .npc), ("人大常务委员会", .npc), ("人大工作", .npc),
        ("政协", .cppcc), ("政治协商会议", .cppcc),
        ("人民政府", .gov), ("政府工作报告", .gov), ("国务院", .gov), ("市政府", .gov), ("区政府", .gov),
        ("县政府", .gov), ("省政府", .gov),
        ("人民法院", .court), ("法院工作报告", .court),
        ("人民检察院", .procuratorate), ("检察院工作报告", .procuratorate),
    ]

    /// The body named first in `text` (a delivery sentence, a headline, an opening paragraph).
    static func firstNamed(in text: [Unicode.Scalar]) -> Body? {
        var best: (offset: Int, body: Body)?
        for (name, body) in namesInText {
            if let at = text.offset(of: name), at < (best?.offset ?? .max) { best = (at, body) }
        }
        return best?.body
    }

    /// Names by which a standing committee without a title still shows itself: the single-report
    /// path only accepts npc and cppcc this way, as 政府 alone is in every news article.
    static let committeeNames: [(Phrase, Body)] = [
        ("人大常委会", .npc), ("人民代表大会常务委员会", .npc), ("政协", .cppcc), ("政治协商会议", .cppcc),
    ]

    /// Short names that count how much of a page is about a committee (人大 also in 人大代表,
    /// 人大工作; 政协 in 政协委员).
    private static let shortNames: [Body: Phrase] = [.npc: "人大", .cppcc: "政协"]

    /// How many lines of `doc` name `body`'s committee or its members.
    static func mentions(of body: Body, in doc: LineIndex) -> Int {
        shortNames[body].map { doc.lines(containing: $0).count } ?? 0
    }
}
