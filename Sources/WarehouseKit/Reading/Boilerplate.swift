/// Finds the lines of a copied web page that are the site around the report, not the report:
/// navigation, pagers, menus, footers and disclaimers, related-article lists, link farms, captions, ads.
///
/// Judged by general signals — line shape (length, separators, no sentence punctuation) and phrases
/// every Chinese site uses — never by a particular site's wording. A dropped line with a fact in it is
/// a fact lost, so each rule also demands that the line reads as no sentence, unless its own phrase
/// (a disclaimer's 免责声明, the site speaking of itself as 本网) makes that certain.
enum Boilerplate {
    /// The lines of normalized text to drop, in order.
    static func noiseLines(in utf8: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        let lines = TextLine.lines(of: utf8)
        var noise = [Bool](repeating: false, count: lines.count)
        var footerLines = [Bool](repeating: false, count: lines.count)
        var relatedList = false
        for (index, line) in lines.enumerated() {
            let text = LineBytes(utf8, line: line)
            if relatedList {
                if text.isEmpty { continue }
                if isRelatedListItem(text) {
                    noise[index] = true
                    continue
                }
                relatedList = false
            }
            if text.isEmpty { continue }
            if isRelatedListHeading(text) {
                noise[index] = true
                relatedList = true
            } else if isFooter(text) {
                noise[index] = true
                footerLines[index] = true
            } else {
                noise[index] = isNoise(text)
            }
        }
        dropTrailingSiteLines(lines, in: utf8, noise: &noise, footerLines: footerLines)
        return zip(lines, noise).compactMap { $1 ? $0 : nil }
    }

    // MARK: - Rules

    /// Lines without sentence punctuation are where page furniture lives; a sentence line is only
    /// dropped for its own unmistakable phrase (a disclaimer, a photo caption).
    private static func isNoise(_ text: LineBytes) -> Bool {
        if text.hasPrefix(Phrases.captionPrefix), text.scalarCount <= 80 { return true }
        guard !text.hasSentenceEnd else { return false }
        let length = text.scalarCount
        guard length <= 1000 else { return false }
        if isSeparatorRule(text) || isBareURL(text) { return true }
        if Phrases.navigationPrefixes.contains(where: text.hasPrefix), length <= 80 { return true }
        if Phrases.pagerPrefixes.contains(where: text.hasPrefix), length <= 80 { return true }
        if isBreadcrumb(text, length: length) || isMenu(text, length: length) || isLinkFarm(text) { return true }
        return isCaption(text, length: length) || isAdvert(text, length: length) || isContact(text, length: length)
    }

    /// 首页 > 新闻中心 > 正文: several short parts joined by arrows.
    private static func isBreadcrumb(_ text: LineBytes, length: Int) -> Bool {
        guard length <= 80, text.count(of: Phrases.breadcrumbSeparators) >= 2 else { return false }
        let parts = text.parts(separatedBy: Phrases.breadcrumbSeparators)
        return parts.allSatisfy { UTF8Bytes.scalarCount($0) <= 16 }
    }

    /// 返回顶部, 【打印】【关闭】, 分享到: controls of the page, alone or a few to a line.
    private static func isMenu(_ text: LineBytes, length: Int) -> Bool {
        if Phrases.controlWords.contains(where: { text.utf8.elementsEqual($0) }) { return true }
        guard length <= 60, text.containsAny(Phrases.controls) else { return false }
        let phrases = Phrases.controls.filter(text.contains)
        // One control alone must be nearly the whole line: 关于我们的工作 is a heading, 分享到： is not.
        let alone = phrases.contains { phrase in length <= phrase.utf8.withUnsafeBufferPointer(UTF8Bytes.scalarCount) + 3 }
        return phrases.count >= 2 || alone || text.parts(separatedBy: Phrases.listSeparators).count >= 3
    }

    /// Runs of names joined by | or _ with no sentence in them: site menus, spam keywords, company lists.
    private static func isLinkFarm(_ text: LineBytes) -> Bool {
        guard text.containsAny(Phrases.listSeparators), !text.hasASCIIDigit, !text.containsAny(Phrases.commas) else { return false }
        let parts = text.parts(separatedBy: Phrases.listSeparators)
        guard parts.count >= 4 else { return false }
        let shortParts = parts.filter { UTF8Bytes.scalarCount($0) <= 24 }.count
        return shortParts * 4 >= parts.count * 3
    }

    /// A photo caption standing alone: (左二) and the like, or a photographer's credit.
    private static func isCaption(_ text: LineBytes, length: Int) -> Bool {
        guard length <= 40 else { return false }
        if Phrases.creditSuffixes.contains(where: text.hasSuffix) { return true }
        return Phrases.positionMarks.contains(where: text.contains)
    }

    /// A web address with an invitation to click, add a WeChat account or join a group.
    private static func isAdvert(_ text: LineBytes, length: Int) -> Bool {
        length <= 150 && text.containsAny(Phrases.webAddresses) && text.containsAny(Phrases.adverts)
    }

    /// QQ numbers and e-mail addresses of the site's editors.
    private static func isContact(_ text: LineBytes, length: Int) -> Bool {
        guard length <= 80 else { return false }
        return hasEmailAddress(text.utf8) || hasQQNumber(text.utf8)
    }

    /// name@host.domain
    private static func hasEmailAddress(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at > 0, HTMLEntities.isASCIIAlphanumeric(utf8[at - 1]) else {
            return false
        }
        let host = utf8[(at + 1)...].prefix { HTMLEntities.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        return host.contains(UInt8(ascii: ".")) && host.last.map(HTMLEntities.isASCIIAlphanumeric) == true
    }

    /// "QQ" then, after a colon or spaces, a number of five or more digits.
    private static func hasQQNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = LineBytes(unchecked: utf8).firstIndex(of: Phrases.qq) else { return false }
        let rest = utf8[(start + 2)...]
        let digitsStart = rest.prefix(6).firstIndex { $0 >= 0x30 && $0 <= 0x39 } ?? rest.endIndex
        return rest[digitsStart...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count >= 5
    }

    /// Copyright lines, ICP registration, disclaimers, "reprint with attribution" notes.
    private static func isFooter(_ text: LineBytes) -> Bool {
        if text.hasSentenceEnd { return Phrases.footers.contains { text.hasPrefix($0.utf8) } || isSiteNotice(text) }
        return text.scalarCount <= 200 && text.containsAny(Phrases.footers)
    }

    /// The site speaking of itself (本网, 本站) about reprints, copyright or contact: never report text.
    private static func isSiteNotice(_ text: LineBytes) -> Bool {
        text.contains(Phrases.siteSelfStart, followedByAnyOf: Phrases.siteSelfEnds) && text.containsAny(Phrases.siteNoticeTopics)
    }

    private static func isSeparatorRule(_ text: LineBytes) -> Bool {
        // Rule characters are ASCII or start with C2 (·) or E2 (— ─ ━ •): most lines fail at once.
        guard let first = text.utf8.first, first < 0x80 || first == 0xC2 || first == 0xE2, text.utf8.count >= 3 else {
            return false
        }
        return text.scalars.allSatisfy(Phrases.ruleCharacters.contains)
    }

    private static func isBareURL(_ text: LineBytes) -> Bool {
        Phrases.urlStarts.contains(where: text.hasPrefix) && !text.utf8.contains(0x20)
    }

    // MARK: - Related-article lists

    /// 相关阅读, 推荐阅读 …: a short heading that starts a list of links to other articles.
    private static func isRelatedListHeading(_ text: LineBytes) -> Bool {
        text.utf8.count <= 48 && text.scalarCount <= 12 && text.containsAny(Phrases.relatedHeadings)
    }

    /// An entry of such a list: a bulleted title, a cut-off preview ending in "...", or its date.
    private static func isRelatedListItem(_ text: LineBytes) -> Bool {
        if text.startedWithBullet { return text.scalarCount <= 60 }
        if Phrases.ellipses.contains(where: text.hasSuffix) { return true }
        return Phrases.datePrefixes.contains(where: text.hasPrefix) && text.scalarCount <= 24
    }

    // MARK: - Page tail

    /// After the copyright footer and past the last sentence of the page, short lines are the
    /// site's name, contact and link lists repeated, not report text.
    private static func dropTrailingSiteLines(
        _ lines: [TextLine], in utf8: UnsafeBufferPointer<UInt8>, noise: inout [Bool], footerLines: [Bool]
    ) {
        let lastSentence = lines.indices.last { !noise[$0] && LineBytes(utf8, line: lines[$0]).hasSentenceEnd } ?? -1
        guard let firstFooter = footerLines.indices.first(where: { $0 > lastSentence && footerLines[$0] }) else { return }
        for index in (firstFooter + 1)..<lines.count where !noise[index] {
            let text = LineBytes(utf8, line: lines[index])
            if !text.isEmpty, text.scalarCount <= 40 { noise[index] = true }
        }
    }
}

/// The phrases behind the rules, as UTF-8. Generic web vocabulary, simplified (text is normalized first).
private enum Phrases {
    static func utf8(_ phrases: [String]) -> [[UInt8]] { phrases.map { Array($0.utf8) } }

    static let navigationPrefixes = utf8(["当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "您当前的位置", "所在位置", "当前页面", "首页"])
    static let pagerPrefixes = utf8(["上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "上一则", "下一则", "上篇：", "下篇："])
    static let breadcrumbSeparators: [NoisePhrase] = [">", "›", "»", "≫"]
    static let listSeparators: [NoisePhrase] = ["|", "｜", "丨", "_", "¦", "│"]
    static let commas: [NoisePhrase] = ["，", ",", "、"]
    static let controls: [NoisePhrase] = [
        "返回顶部", "回到顶部", "返回首页", "返回列表", "打印本页", "打印此页", "打印文章", "关闭窗口", "关闭本页", "关闭此页",
        "分享到", "加入收藏", "收藏本页", "收藏本站", "设为首页", "网站地图", "联系我们", "关于我们", "字号", "扫一扫",
        "【打印】", "【关闭】", "[打印]", "[关闭]",
    ]
    static let controlWords = utf8(["打印", "关闭", "返回", "分享", "收藏", "顶部", "TOP", "更多", "更多>>", "点击查看"])
    static let footers: [NoisePhrase] = [
        "版权所有", "Copyright", "COPYRIGHT", "copyright", "©", "All Rights Reserved", "All rights reserved",
        "ICP备", "ICP证", "公网安备", "备案号", "免责声明", "版权声明", "转载请注明", "本文链接", "原文链接", "版权归",
        "技术支持：", "主办单位", "承办单位",
    ]
    /// 本网, 本站: the site speaking of itself.
    static let siteSelfStart = Array("本".utf8)
    static let siteSelfEnds = utf8(["网", "站"])
    static let qq = Array("QQ".utf8)
    static let siteNoticeTopics: [NoisePhrase] = ["转载", "版权", "免责", "作品", "联系", "声明", "链接"]
    static let captionPrefix = Array("图为".utf8)
    static let creditSuffixes = utf8([" 摄", " 摄)", " 摄）", "供图"])
    static let positionMarks: [NoisePhrase] = [
        "(左", "（左", "(右", "（右", "(前排", "（前排", "(后排", "（后排", "(中)", "（中）", "(从左", "（从左",
    ]
    static let webAddresses: [NoisePhrase] = ["http://", "https://", "www.", ".com", ".cn", "@"]
    static let adverts: [NoisePhrase] = ["请点击", "点击进入", "加微信", "微信号", "扫码", "交流群", "QQ群", "免费下载", "免费资料"]
    static let ruleCharacters = Set("-=_*~·—─━•.#+ ".unicodeScalars.map(\.value))
    static let urlStarts = utf8(["http://", "https://", "www."])
    static let relatedHeadings: [NoisePhrase] = [
        "相关阅读", "相关新闻", "相关链接", "相关文章", "相关推荐", "推荐阅读", "延伸阅读", "热点推荐", "热门推荐",
        "热门文章", "最新文章", "猜你喜欢", "精彩推荐", "为您推荐",
    ]
    static let ellipses = utf8(["...", "…", "……"])
    static let datePrefixes = utf8(["时间：", "日期：", "发布时间：", "发布日期："])
}
