/// The line under a report's title that says when and at which session it was delivered:
/// ——2023年1月5日在哈尔滨市第十六届人民代表大会第二次会议上, （2012年1月17日在政协哈尔滨市第十二届
/// 委员会第一次会议上）, 2022年12月12日在拉萨市第十二届人民代表大会第三次会议上的政府工作报告.
///
/// A report is delivered to its own place's session: the place named there is the report's
/// region (a superior's congress never hears it), and the date dates the review. Pages break
/// the line anywhere (在合肥市⏎⏎第十七届人民代表大会…, 第十六届 人民代表大会), so the opening lines are
/// read joined, without spaces.
struct DeliveryLine: Sendable {
    /// The place as written (哈尔滨市, 乌鲁木齐市), empty for a session of the whole country.
    var place: [Unicode.Scalar]
    var isNational: Bool
    /// The session's body: npc for a people's congress, cppcc for a CPPCC committee.
    var session: Body
    var date: (year: Int, month: Int)?

    private static let at: Phrase = "在"
    private static let congress: Phrase = "人民代表大会"
    private static let congressShort: Phrase = "人大"
    private static let committee: Phrase = "委员会"
    private static let cppccNames: [Phrase] = ["中国人民政治协商会议", "政协"]
    private static let national: Phrase = "全国"
    private static let meetingEnd: Phrase = "会议"
    /// Place names run this long at most (积石山保安族东乡族撒拉族自治县 and its prefecture).
    private static let longestPlace = 24

    /// The first delivery line among a report's opening lines.
    static func find(in opening: [[Unicode.Scalar]]) -> DeliveryLine? {
        let text = opening.joined().filter { !ScalarClass.isSpace($0) && !"*#_".unicodeScalars.contains($0) }
        // The session follows 在, or the date itself (——2004年2月22日哈尔滨市十二届人大二次会议通过).
        var starts: [Int] = []
        var from = 0
        while let start = text.offset(of: at, from: from) {
            starts.append(start + at.count)
            from = start + 1
        }
        for (k, c) in text.enumerated() where c == "日" && k > 0 && ScalarClass.isNumeral(text[k - 1]) { starts.append(k + 1) }
        for start in starts.sorted() {
            if var line = read(text, after: start) {
                line.date = PeriodDetector.firstDate(in: Array(text[max(0, start - 17)..<start]))
                return line
            }
        }
        return nil
    }

    /// 在 [政协] place [第N届] 人民代表大会|委员会 … 会议: the session, then its place.
    private static func read(_ text: [Unicode.Scalar], after start: Int) -> DeliveryLine? {
        var i = start
        if i < text.count, text.matches(at, at: i) { i += at.count }
        var session = Body.npc
        if let prefix = cppccNames.first(where: { text.matches($0, at: i) }) {
            session = .cppcc
            i += prefix.count
        }
        let placeStart = i
        while i < text.count, i - placeStart <= longestPlace, ScalarClass.isHan(text[i]),
              !text.matches(congress, at: i), !text.matches(committee, at: i), !startsTerm(text, at: i),
              !(session == .npc && text.matches(congressShort, at: i)) {
            i += 1
        }
        var place = Array(text[placeStart..<i])
        // 第十届全国人民代表大会: the term first, then the country.
        i = skippingTerm(text, at: i)
        if text.matches(national, at: i) {
            place = Array(national.scalars)
            i += national.count
        }
        // 在哈尔滨市第十一届人大五次会议上: the congress by its short name.
        let body = session == .cppcc ? [committee] : [congress, congressShort]
        guard let name = body.first(where: { text.matches($0, at: i) }) else { return nil }
        let after = Array(text[(i + name.count)...].prefix(12))
        guard after.has(meetingEnd) else { return nil }
        let isNational = place.elementsEqual(national.scalars)
        guard isNational || !place.isEmpty else { return nil }
        return DeliveryLine(place: isNational ? [] : place, isNational: isNational, session: session)
    }

    /// 第十六届 or 十六届 at `i`.
    private static func startsTerm(_ text: [Unicode.Scalar], at i: Int) -> Bool {
        skippingTerm(text, at: i) > i
    }

    private static func skippingTerm(_ text: [Unicode.Scalar], at i: Int) -> Int {
        var j = i
        if j < text.count, text[j] == "第" { j += 1 }
        let digits = j
        while j < text.count, ScalarClass.isNumeral(text[j]) { j += 1 }
        return j > digits && j < text.count && text[j] == "届" ? j + 1 : i
    }
}
