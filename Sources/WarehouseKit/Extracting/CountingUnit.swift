/// The units that make a number a count, and which units an activity may be counted in.
///
/// "A number must be followed by a counting unit" is the main guard against ordinals, names and
/// dates (十届, 十四五, 2022年): only what is counted in 次, 项, 件, 人次 … can be an activity.
enum CountingUnit {
    enum Kind: Sendable, Hashable {
        /// 次 场 期 …: occasions.
        case event
        /// 项 件 个 …: items, documents, cases.
        case item
        /// 篇 条 份 …: texts written or sent.
        case text
        /// 人次 人 名 …: people.
        case person
        /// 元 亩 字 …: amounts and measures, never an activity on their own.
        case measure
        case percent
    }

    /// Written units, longest first where one is a prefix of another.
    static let all: [(unit: String, kind: Kind)] = [
        ("人次", .person), ("篇次", .text), ("场次", .event), ("件次", .item), ("个次", .item),
        ("项次", .item), ("批次", .event), ("期次", .event), ("户次", .person),
        ("次", .event), ("场", .event), ("期", .event), ("轮", .event),
        ("项", .item), ("件", .item), ("个", .item), ("部", .item), ("类", .item), ("批", .item),
        ("家", .item), ("所", .item), ("处", .item), ("座", .item), ("户", .item), ("支", .item), ("起", .item), ("宗", .item),
        ("篇", .text), ("条", .text), ("份", .text), ("本", .text), ("册", .text), ("辑", .text),
        ("人", .person), ("名", .person), ("位", .person),
        ("字", .measure), ("元", .measure), ("亩", .measure), ("平方米", .measure),
        ("公里", .measure), ("吨", .measure), ("台", .measure), ("辆", .measure), ("套", .measure),
        ("%", .percent), ("％", .percent),
    ]

    /// One bit per entry of `all`, so unit tests in the attribution loops are a mask test
    /// rather than a String hash. 0 for a unit the scanner does not know.
    static func bit(of unit: String) -> UInt64 {
        guard let index = all.firstIndex(where: { $0.unit == unit }), index < 64 else { return 0 }
        return 1 << UInt64(index)
    }

    /// Measure words that need a noun after them (8个市场, 5部法律): what follows is what is counted.
    static let classifiers: UInt64 = ["个", "家", "所", "处", "座", "户", "支", "批", "部"].reduce(0) { $0 | bit(of: $1) }

    /// Words that start with a unit character, where the character is not a unit: 两条例 is
    /// "two regulations" (一法两条例), 三项目 is not "three items of 目".
    static let falseUnitWords: Set<String> = [
        "条例", "条件", "条款", "条线", "项目", "项工作", "名单", "名称", "名义", "名片", "名额",
        "人员", "人民", "人大", "人才", "人口", "人士", "人物", "人居", "人心", "人文",
        "部门", "部署", "部分", "部长", "部位", "家庭", "家长", "家园", "家风", "期间", "期刊", "期限",
        "场所", "场地", "场景", "份额", "类型", "类别", "个人", "个体", "个百分点", "个月", "个小时", "个工作日", "个季度", "位置",
        "批准", "批示", "所有", "处理", "处置", "座谈", "户籍", "支持", "支部", "支队", "本届",
        "次会议", "轮值", "台账", "套餐", "字号", "家底", "件事", "起诉", "起草", "起来", "起步", "起点", "起到", "起码",
        "宗旨", "宗教",
    ]

    /// The written units (as bases, before a bracketed alternative) an activity may be counted in.
    ///
    /// Reports vary the unit of one activity (执法检查5项 / 11次, 调研成果32项 / 94份), so the
    /// CSV's unit stands for a family. Meetings are occasions only: 主任会议听取工作汇报14项 counts
    /// reports, not meetings.
    static func familyMask(ofActivityUnit unit: String, category: String) -> UInt64 {
        family(ofActivityUnit: unit, category: category).reduce(0) { $0 | bit(of: $1) }
    }

    private static func family(ofActivityUnit unit: String, category: String) -> Set<String> {
        if category == "meetings" { return ["次", "场", "场次", unit] }
        // 审议省地方性法规草案11部, 制定法规45项: laws are counted in 部 as well.
        if category == "legislation" { return ["件", "项", "部", "个", "条", unit] }
        // 起诉…案件403件579人: a procuratorate counts the people in its cases beside the cases;
        // a court counts cases alone, and people sentenced apart.
        if category == "cases" { return unit == "人" ? ["人", "名", "人次", "件", "件次", "起"] : ["件", "件次", "起", "宗"] }
        switch unit {
        case "次": return ["次", "场", "场次", "期", "期次", "轮", "项", "个", "部"]
        case "项": return ["项", "个", "件", "次", "部", "场", "场次"]
        case "件": return ["件", "件次", "条", "项", "个", "份", "篇", "人次", "批", "批次"]
        case "篇": return ["篇", "篇次", "条", "件", "份", "期", "部", "次", "个", "项", "字", "本", "册", "辑"]
        case "条": return ["条", "件", "项", "份", "个", "类", "篇", "期"]
        case "人次", "名", "人": return ["人次", "人", "名", "位"]
        case "%", "％": return ["%", "％"]
        default: return [unit]
        }
    }
}
