/// The function words of report sentences the attribution rules read, as scalars for the hot
/// loops: not vocabulary (that is `data/activities.csv`) but how Chinese reports are built.
enum Words {
    static let award = ScalarText.words("表彰", "评选", "优秀", "先进集体", "先进个人", "荣获", "获评")
    /// Breakdown markers: what follows is part of the total before.
    static let qiZhong = ScalarText.words("其中", "包括")
    /// How a clause opens a total of its own (共办理…, 合计…).
    static let totals = ScalarText.words("共", "合计", "总计", "累计")
    /// Adverbs between a noun and its predicate (251件提案全部办结).
    static let adverbs = ScalarText.words("全部", "均已", "均", "已经", "已", "都")
    /// A verb or 的 between a unit and a cue means the cue belongs to another clause.
    static let clauseInGap = ScalarText.words("开展", "进行", "组织", "召开", "举办", "参加", "围绕", "的", "和", "及", "与", "或")
    /// Words that narrow a noun to a topic: 经济建设方面的提案, 城建环保类建议, 在民生领域.
    static let topicKinds = ScalarText.words("方面", "类", "领域")
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "\n"]
    static let etcOrOf = ScalarText.words("等", "的")
    /// Verbs that take an object, which a count after them may belong to.
    static let objectVerbs = ScalarText.words("开展", "组织", "召开", "召集", "举办", "进行")
    /// What completes a noun without changing what is counted: 法律法规实施情况11部, 法规草案11部.
    static let nounComplements = ScalarText.words(
        "情况", "实施情况", "执行情况", "贯彻实施情况", "贯彻执行情况", "落实情况", "草案", "修正案")
    static let conjunctions = ScalarText.words("以及", "和", "及", "与")
    static let earlierTimes = ScalarText.words("以前", "之前", "以往", "历年")
    /// What handling and satisfaction rates are rates of.
    static let suggestions = ScalarText.words("建议", "提案", "议案", "意见", "办理")
    /// Nouns for the people an activity reaches (参加培训的代表).
    static let people = ScalarText.words(
        "人大代表", "政协委员", "代表", "委员", "干部", "群众", "人员", "犯罪嫌疑人", "嫌疑人", "被告人", "罪犯")
    /// Rates that measure how suggestions, proposals and motions were handled, whose sentence must
    /// say so (受理群众诉求5.6万件,办结率99.2% is no such rate).
    static let ratesOfSuggestions: Set<String> = ["handling_rate", "satisfaction_rate"]
    /// Verbs after which a cue is the activity and items before it are the actors.
    static let actingVerbs = ScalarText.words("开展", "组织", "召开", "举办", "举行", "进行")
    /// Prepositions that open what an act is about (就…事项, 关于…的报告, 围绕…).
    static let topicMarkers = ScalarText.words("就", "关于", "围绕")
    static let about = ScalarText.words("关于")
    static let report = ScalarText.words("报告")
}
