/// Lines that open a report: a title (巴南区人民代表大会常务委员会工作报告), a salutation
/// (各位代表:), a delivery sentence (…受区人大常委会委托,向大会作人大常委会工作报告).
enum TitleDetector {
    struct Title {
        var body: Body
        /// The words before the body's name, where the region is written (巴南区, 政协兰州市城关区).
        var stem: [Unicode.Scalar]
    }

    static let reportWord: Phrase = "工作报告"
    private static let adminSuffixes = Set("省市区县州旗盟".unicodeScalars)

    /// The title read from a whole line, or nil when the line only mentions a report
    /// (审议政府工作报告, 《政府工作报告》, a sentence).
    static func title(_ line: [Unicode.Scalar]) -> Title? {
        let declared = isDeclared(line)
        var line = OrdinalWords.droppingEnumerator(droppingMarkup(line))
        if let first = line.first, "【[「『".unicodeScalars.contains(first) { line.removeFirst() }
        if let last = line.last, "】]」』".unicodeScalars.contains(last) { line.removeLast() }
        line = Array(line.drop(while: ScalarClass.isSpace))
        guard (5...80).contains(line.count), let at = line.offset(of: reportWord) else { return nil }
        let after = line[(at + reportWord.count)...]
        // A page's declared title may run on (1994年广州市政府工作报告1994年广州市政府工作报告), but
        // …工作报告的决议 is about a report, not the report.
        if let first = after.first, first == "的" || !declared && !"(（[【—-― 　".unicodeScalars.contains(first) { return nil }
        var before = Array(line[..<at])
        // 2003年4月1日在拉萨市第八届人民代表大会第二次会议上的政府工作报告, 厦门市第十一届人民代表
        // 大会第三次会议政府工作报告: the session names the region; the words after it the body.
        if let session = before.lastOffset(of: meeting) {
            before = Array(before[(session + meeting.count)...].drop { "上的".unicodeScalars.contains($0) })
        }
        // （2021年10月26日）南昌市政府工作报告: a bracketed date before the name.
        if before.first == "（" || before.first == "(", let close = before.firstIndex(where: { $0 == "）" || $0 == ")" }) {
            before = Array(before[(close + 1)...])
        }
        if before.contains(where: { ScalarClass.isClausePunctuation($0) || "《》“”\"'‘’".unicodeScalars.contains($0) }) {
            return nil
        }
        before = OrdinalWords.droppingTrailingYear(before)
        guard let named = BodyDetector.titled(before) else { return nil }
        // 沈阳市2019年政府工作报告: the year may stand after the place as well as before it.
        let stem = OrdinalWords.droppingOrdinals(OrdinalWords.droppingCPPCCPrefix(
            OrdinalWords.droppingTrailingYear(OrdinalWords.droppingLeadingYear(named.stem))))
        guard stem.isEmpty || OrdinalWords.namesTheCountry(stem)
            || stem.allSatisfy(ScalarClass.isHan) && stem.last.map(adminSuffixes.contains) == true
        else { return nil }
        return Title(body: named.body, stem: stem)
    }

    private static let meeting: Phrase = "会议"

    /// Whether a line is a page's front-matter title.
    static func isDeclared(_ line: [Unicode.Scalar]) -> Bool { line.begins(with: yamlTitle) }

    private static let yamlTitle: Phrase = "title:"

    /// A heading's Markdown marks (## 政府工作报告, **2004年政府工作报告**) and a front matter's
    /// key: pages saved as Markdown keep them.
    static func droppingMarkup(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // A page saved with YAML front matter names its title there: title: 2019年XX市人民政府工作报告.
        if line.begins(with: yamlTitle) { return Array(line.dropFirst(yamlTitle.count).drop(while: ScalarClass.isSpace)) }
        guard let first = line.first, "#*".unicodeScalars.contains(first) else { return line }
        // A bold title with its subtitle on the same line: **政府工作报告**——2023年….
        return Array(line.drop { "#* ".unicodeScalars.contains($0) }.filter { $0 != "*" })
    }

    private static let salutations: [Phrase] = ["各位代表", "各位委员", "各位常委", "各位人大代表", "各位政协委员"]

    static func isSalutation(_ line: [Unicode.Scalar]) -> Bool {
        line.count <= 20 && salutations.contains { line.begins(with: $0) }
    }

    private static let toward: Phrase = "向"
    private static let sessions: [Phrase] = ["大会", "会议"]
    static let reportTerm: Phrase = "报告"
    private static let entrusted: Phrase = "委托"
    private static let onBehalf: Phrase = "代表"
    /// How the speaker's own words begin a delivery sentence inside a paragraph.
    private static let firstPerson: [Phrase] = ["现在", "我代表", "我受", "受"]
    /// Words a delivery sentence is searched for by: it holds one of them.
    static let deliveryWords: [Phrase] = ["向大会", "我代表", "委托"]

    /// The body of a delivery sentence: someone entrusted by (or speaking for) a body reports to
    /// the session (…受区人大常委会委托,向大会作人大常委会工作报告; 我代表国务院向第一届全国人民
    /// 代表大会第五次会议,提出关于…的报告). It opens its paragraph, or inside one it is the
    /// speaker's own (本届政府履行职责已经一年。现在,我代表国务院,向大会作政府工作报告): a
    /// report mentioned further on in a news paragraph does not count.
    static func delivery(_ line: [Unicode.Scalar]) -> Body? {
        var from = 0
        while let at = line.offset(of: toward, from: from) {
            from = at + 1
            let ahead = Array(line[(at + 1)...].prefix(32))
            guard let session = sessions.compactMap({ ahead.offset(of: $0).map { $0 + 2 } }).min() else { continue }
            let sessionEnd = at + 1 + session
            let restEnd = line[sessionEnd...].firstIndex(where: ScalarClass.isSentenceEnd) ?? line.count
            let rest = Array(line[sessionEnd..<min(restEnd, sessionEnd + 48)])
            guard rest.has(reportTerm) else { continue }
            let sentenceStart = line[..<at].lastIndex(where: ScalarClass.isSentenceEnd).map { $0 + 1 } ?? 0
            let subject = Array(line[sentenceStart..<at].drop(while: ScalarClass.isSpace))
            if sentenceStart > 0, !firstPerson.contains(where: { subject.begins(with: $0) }) { continue }
            guard subject.has(entrusted) || speaksForABody(subject) else { continue }
            if let word = rest.offset(of: reportWord), let named = BodyDetector.titled(Array(rest[..<word]).drop(while: { $0 == "作" }).map { $0 }) {
                return named.body
            }
            if let named = BodyDetector.firstNamed(in: subject) { return named }
        }
        return nil
    }

    /// 我代表…, 区长张明代表区人民政府…: 代表 as a verb, not in 人民代表大会, 人大代表 or 各位代表.
    private static func speaksForABody(_ subject: [Unicode.Scalar]) -> Bool {
        var from = 0
        while let at = subject.offset(of: onBehalf, from: from) {
            from = at + onBehalf.count
            let before = at > 0 ? subject[at - 1] : " "
            let after = from < subject.count ? subject[from] : " "
            if !"大民位名".unicodeScalars.contains(before) && !"大们团队".unicodeScalars.contains(after) { return true }
        }
        return false
    }

    /// The sentence that opens the line, as a title for a report that has none of its own.
    static func firstSentence(_ line: [Unicode.Scalar], limit: Int = 80) -> String {
        let end = line.firstIndex(where: ScalarClass.isSentenceEnd) ?? line.count
        let sentence = Array(line[..<min(end, limit)])
        return sentence.string + (end > limit ? "…" : "")
    }
}
