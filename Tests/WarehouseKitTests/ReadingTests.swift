import Foundation
import Testing
@testable import WarehouseKit

/// The sample reports and reading fixtures, found from this file's location.
private enum ReadingSamples {
    static let root = RepositoryFiles.root
    static let fixtures = root.appendingPathComponent("Tests/WarehouseKitTests/Fixtures")

    static func report(_ prefix: String) throws -> (name: String, data: Data) {
        let folder = root.appendingPathComponent("data/reports")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
        return (name, try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent("reading").appendingPathComponent(name))
    }

    static func read(_ text: String, path: String = "test.txt") throws -> ReadDocument {
        try DocumentReader.read(Data(text.utf8), path: path)
    }

    static func utf16(_ text: String, bigEndian: Bool) -> Data {
        var data = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        for unit in text.utf16 {
            let (first, second) = bigEndian ? (UInt8(unit >> 8), UInt8(unit & 0xFF)) : (UInt8(unit & 0xFF), UInt8(unit >> 8))
            data.append(contentsOf: [first, second])
        }
        return data
    }

    /// The report as a web page: head, script, style and navigation around one paragraph per line,
    /// with quotes written as entities.
    static func webPage(_ text: String) -> String {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "<p>" + line.replacingOccurrences(of: "“", with: "&ldquo;").replacingOccurrences(of: "”", with: "&#8221;") + "</p>"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>工作报告</title>
            <style>p { margin: 0 } .a > .b { color: red }</style>
            <script>var html = "<p>not text</p>"; if (a < b && c > d) {}</script></head>
            <body><nav><a href="/">首页</a> &gt; <a href="/n">新闻</a></nav>
            <!-- article starts -->
            <div class="content">
            \(paragraphs.joined(separator: "\n"))
            </div></body></html>
            """
    }
}

@Suite struct ReadingDecodeTests {
    @Test func gb18030FixtureReadsLikeTheUTF8Original() throws {
        let original = try ReadingSamples.report("001_")
        let expected = try DocumentReader.read(original.data, path: original.name)
        let document = try DocumentReader.read(try ReadingSamples.fixture("001-gb18030.txt"), path: "001-gb18030.txt")
        #expect(document.encoding == "gb18030")
        #expect(document.text == expected.text)
        #expect(document.warnings.isEmpty)
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMarkReadsLikeTheOriginal(bigEndian: Bool) throws {
        let original = try ReadingSamples.report("001_")
        let expected = try DocumentReader.read(original.data, path: original.name)
        let text = try #require(String(data: original.data, encoding: .utf8))
        let document = try DocumentReader.read(ReadingSamples.utf16(text, bigEndian: bigEndian), path: "001-utf16.txt")
        #expect(document.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(document.text == expected.text)
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let original = try ReadingSamples.report("001_")
        let expected = try DocumentReader.read(original.data, path: original.name)
        let document = try DocumentReader.read(Data([0xEF, 0xBB, 0xBF]) + original.data, path: "001-bom.txt")
        #expect(document.encoding == "utf-8")
        #expect(document.text == expected.text)
        #expect(document.source.unicodeScalars.first != "\u{FEFF}")
    }

    @Test func crlfLineEndingsBecomeNewlines() throws {
        let document = try ReadingSamples.read("第一行\r\n第二行\r第三行")
        #expect(document.text == "第一行\n第二行\n第三行")
    }

    @Test func namedEncodingOverridesDetection() throws {
        let gb = try ReadingSamples.fixture("001-gb18030.txt")
        #expect(try DocumentReader.read(gb, path: "a.txt", encoding: "GBK").encoding == "gbk")
        #expect(throws: ReadError.self) { try DocumentReader.read(gb, path: "a.txt", encoding: "utf-8") }
        #expect(throws: ReadError.unknownEncoding(path: "a.txt", name: "latin-9")) {
            try DocumentReader.read(gb, path: "a.txt", encoding: "latin-9")
        }
    }

    @Test func invalidBytesNameTheByteOffset() {
        var data = Data("区人大常委会召开会议".utf8)
        let offset = data.count
        data.append(contentsOf: [0xFF, 0xFE, 0x41])
        data.append(Data("审议报告".utf8))
        #expect(throws: ReadError.invalidBytes(path: "bad.txt", offset: offset, encoding: "utf-8")) {
            try DocumentReader.read(data, path: "bad.txt")
        }
        let message = ReadError.invalidBytes(path: "bad.txt", offset: offset, encoding: "utf-8").description
        #expect(message.contains("bad.txt") && message.contains("\(offset)"))
    }

    @Test func aFewBadBytesInALargeFileAreReplacedWithAWarning() throws {
        var bytes = [UInt8](try ReadingSamples.report("001_").data)
        let offset = bytes.count / 2
        let start = try #require((offset..<bytes.count).first { bytes[$0] >= 0xE0 })
        bytes[start] = 0xFF
        let document = try DocumentReader.read(Data(bytes), path: "damaged.txt")
        #expect(document.encoding == "utf-8")
        #expect(document.text.contains("\u{FFFD}"))
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.contains("byte offset \(start)") == true)
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "PNG image"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "ZIP archive"),
        (Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "PDF document"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "JPEG image"),
    ] as [([UInt8], String)])
    func binaryFilesAreRefusedWithTheirKind(header: [UInt8], kind: String) {
        #expect(throws: ReadError.binary(path: "file.txt", kind: kind)) {
            try DocumentReader.read(Data(header + Array(repeating: 0x41, count: 64)), path: "file.txt")
        }
    }

    @Test func wordDocumentsAreNamed() {
        let header: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("word/document.xml".utf8)
        #expect(throws: ReadError.binary(path: "r.docx", kind: "Word document (DOCX)")) {
            try DocumentReader.read(Data(header), path: "r.docx")
        }
    }

    @Test func nulBytesOutsideUTF16AreBinary() {
        let data = Data([0x41, 0x00, 0x00, 0x42, 0x43, 0x00, 0x44, 0x00, 0x00, 0x00, 0x45])
        #expect(throws: ReadError.binary(path: "x.bin", kind: "binary data (NUL bytes)")) {
            try DocumentReader.read(data, path: "x.bin")
        }
    }

    @Test func utf16WithoutByteOrderMarkIsRecognisedByItsNulBytes() throws {
        let text = "2022年召开常委会会议9次\n听取报告12项\n"
        var data = ReadingSamples.utf16(text, bigEndian: false)
        data.removeFirst(2)
        let document = try DocumentReader.read(data, path: "no-bom.txt")
        #expect(document.encoding == "utf-16le")
        #expect(document.text == "2022年召开常委会会议9次\n听取报告12项\n")
    }

    @Test func emptyAndBlankFilesAreEmpty() {
        for data in [Data(), Data(" \n\t\r\n".utf8), Data([0xEF, 0xBB, 0xBF])] {
            #expect(throws: ReadError.empty(path: "e.txt")) { try DocumentReader.read(data, path: "e.txt") }
        }
    }

    /// Truncated sequences, stray bytes and broken markup end in a ReadError or a document, never a crash.
    @Test func damagedInputNeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("区人大常委会".utf8), [0xE5, 0x8C], [0xFF], [0xFE, 0xFF], [0x00], Array("<script>".utf8), Array("&#x".utf8),
            Array("<!--".utf8), Array("(xi".utf8), Array("２７ ".utf8), [0x0D], [0x0A], [0xC0, 0x80], [0xED, 0xA0, 0x80],
        ]
        for round in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                bytes += Bool.random(using: &generator) ? pieces.randomElement(using: &generator)! : [UInt8.random(in: 0...255, using: &generator)]
            }
            let path = round % 3 == 0 ? "r.html" : "r.txt"
            do {
                let document = try DocumentReader.read(Data(bytes), path: path)
                #expect(document.originalRange(ofNormalized: 0..<document.text.unicodeScalars.count).upperBound
                    <= document.source.unicodeScalars.count)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test func controlCharacterNoiseIsBinary() {
        let data = Data((0..<400).map { UInt8(1 + $0 % 8) })
        #expect(throws: ReadError.binary(path: "c.dat", kind: "binary data (control characters)")) {
            try DocumentReader.read(data, path: "c.dat")
        }
    }
}

@Suite struct ReadingHTMLTests {
    @Test func webPageReadsLikeTheOriginalText() throws {
        let original = try ReadingSamples.report("001_")
        let expected = try DocumentReader.read(original.data, path: original.name)
        let page = ReadingSamples.webPage(try #require(String(data: original.data, encoding: .utf8)))
        let document = try DocumentReader.read(Data(page.utf8), path: "001.html")
        #expect(document.wasHTML)
        #expect(document.text == expected.text)
    }

    @Test func gb18030WebPageReadsLikeTheOriginalText() throws {
        let original = try ReadingSamples.report("001_")
        let expected = try DocumentReader.read(original.data, path: original.name)
        let page = ReadingSamples.webPage(try #require(String(data: original.data, encoding: .utf8)))
        let gb = try #require(IconvConverter(from: "UTF-8", to: "GB18030")).convert(Array(page.utf8))
        #expect(gb.failure == nil)
        let document = try DocumentReader.read(Data(gb.output), path: "001.htm")
        #expect(document.encoding == "gb18030")
        #expect(document.text == expected.text)
    }

    @Test func entitiesBreaksAndHiddenElements() {
        let html = """
            <div>区人大&amp;政协&nbsp;共&#20154;&#x5927;<br>第二行</div><script>document.write("<p>x</p>")</script>
            <style>p{}</style><ul><li>一</li><li>二</li></ul><table><tr><td>执法检查</td><td>5次</td></tr></table>
            <p>跨行的
            中文</p><p>a &lt; b &copy 2023 &unknown;</p>
            """
        let text = String(decoding: Array(html.utf8).withUnsafeBufferPointer(HTMLText.text(fromHTML:)), as: UTF8.self)
        #expect(text == "区人大&政协\u{A0}共人大\n第二行\n一\n二\n执法检查 5次\n跨行的中文\na < b © 2023 &unknown;")
    }

    @Test func markupIsRecognisedWithoutTheExtension() throws {
        #expect(try ReadingSamples.read("<!DOCTYPE html><html><body><p>区政协召开会议。</p></body></html>").wasHTML)
        #expect(try ReadingSamples.read("<p>区政协召开会议。</p><p>第二段。</p>").text == "区政协召开会议。\n第二段。")
        #expect(try !ReadingSamples.read("a < b 且 c > d。").wasHTML)
    }
}

@Suite struct ReadingNormalizeTests {
    @Test func traditionalTextWithPinyinBecomesSimplified() throws {
        let sample = try ReadingSamples.report("002_")
        let document = try DocumentReader.read(sample.data, path: sample.name)
        #expect(document.wasTraditional)
        #expect(!document.text.contains("(xié)") && !document.text.contains("xié") && !document.text.contains("qū"))
        #expect(!document.text.contains("政協") && !document.text.contains("區"))
        #expect(document.text.components(separatedBy: "政协").count > 60)
        #expect(document.text.contains("提出政协提案231件"))
        // Parentheses that are not pinyin stay.
        #expect(document.text.contains("镇(街道)") && document.text.contains("16次(篇)"))
    }

    /// The sample read directly and a simplified copy made with ICU and a pattern give the same text.
    @Test func traditionalSampleReadsLikeASimplifiedCopy() throws {
        let sample = try ReadingSamples.report("002_")
        let text = try #require(String(data: sample.data, encoding: .utf8))
        let withoutPinyin = text.replacingOccurrences(
            of: "(?<=\\p{Han})\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", with: "", options: .regularExpression)
        let simplified = try #require(withoutPinyin.applyingTransform(StringTransform("Hant-Hans"), reverse: false))
        let fromCopy = try ReadingSamples.read(simplified)
        let direct = try DocumentReader.read(sample.data, path: sample.name)
        #expect(direct.text == fromCopy.text)
    }

    @Test func pinyinInEitherParenthesesGoesButOtherParenthesesStay() throws {
        #expect(try ReadingSamples.read("區（qū）政協(xié)委員（左二）提交(PDF)第(a)項。").text == "区政协委员（左二）提交(PDF)第(a)项。")
    }

    @Test func pinyinOfAWholeWordGoesToo() throws {
        #expect(try ReadingSamples.read("舉辦協商(xiéshāng)活動12場，反映社情民意(mín yì)信息86條。").text
            == "举办协商活动12场，反映社情民意信息86条。")
        // Without a tone mark it is not pinyin.
        #expect(try ReadingSamples.read("发布报告(baogao)2份。").text == "发布报告(baogao)2份。")
    }

    @Test func questionMarksForLostCharactersDoNotEndTheSentence() throws {
        let text = try ReadingSamples.read("召开常委???议4次，这是为什么?开展视察3次。").text
        #expect(text == "召开常委\u{FFFD}\u{FFFD}\u{FFFD}议4次，这是为什么？开展视察3次。")
    }

    @Test func linesWrappedAtAFixedWidthAreJoinedInsideSentences() throws {
        let wrapped = """
            【提案工作】

            2007年,提案委员会共收到提案77件,立案71件。其中,各民主党派和工商联提案9件,委员
            提案62件。提案内容广泛,涉及全区经济、城建、环保、交通、科技、教育、文化、卫
            生、体育等方面,至年底全部办复完毕。提案所提问题已经解决或基本解决的20件,占
            29.8%。
            """
        let text = try ReadingSamples.read(wrapped).text
        #expect(text.contains("委员提案62件") && text.contains("文化、卫生") && text.contains("占29.8%"))
        // A title stays on its line, and so do the lines of a list.
        #expect(text.hasPrefix("【提案工作】\n"))
        let list = "召开常委会会议6次\n主任会议12次\n执法检查3项\n"
        #expect(try ReadingSamples.read(list).text == list)
    }

    @Test func simplifiedTextKeepsCharactersThatAreAlsoSimplified() throws {
        #expect(try ReadingSamples.read("著名的乾隆年间，会后审议").text == "著名的乾隆年间，会后审议")
        #expect(try ReadingSamples.read("區政協於2022年召開會議後，著手審議").text == "区政协于2022年召开会议后，着手审议")
        // A traditional name in a simplified text is converted, the rest stays.
        #expect(try ReadingSamples.read("张三與李四著有").text == "张三与李四著有")
    }

    @Test func fullWidthDigitsLettersAndSymbolsBecomeASCII() throws {
        #expect(try ReadingSamples.read("召开会议２７次，ＡＢＣ类，增长１２．５％，＋３").text == "召开会议27次，ABC类，增长12.5%，+3")
        #expect(try ReadingSamples.read("２７项").text == "27项")
    }

    @Test func chinesePunctuationStays() throws {
        let text = "一、执法检查，立案；（一）审议：通过！是否？“两会”《条例》。"
        #expect(try ReadingSamples.read(text).text == text)
    }

    @Test func asciiPunctuationAfterChineseBecomesChinese() throws {
        #expect(try ReadingSamples.read("扬帆正当时.12月24日,召开会议;来源:日报?是!").text == "扬帆正当时。12月24日，召开会议；来源：日报？是！")
        #expect(try ReadingSamples.read("增长3.5%,访问www.example.com.cn,详见网站.com").text == "增长3.5%,访问www.example.com.cn,详见网站.com")
        #expect(try ReadingSamples.read("一年来也...").text == "一年来也...")
    }

    @Test func spacesInsideNumbersGo() throws {
        let text = "开展活动27 项，募集1 万元，12\u{2009}345人，2022\u{3000}年，5\u{A0}%"
        #expect(try ReadingSamples.read(text).text == "开展活动27项，募集1万元，12345人，2022年，5%")
        // Spaces that are not inside a number stay (odd ones become plain spaces).
        #expect(try ReadingSamples.read("通讯员 张凌\u{3000}陈杰，2022 2023，共 5次").text == "通讯员 张凌 陈杰，2022 2023，共 5次")
    }

    @Test func zeroWidthCharactersGo() throws {
        #expect(try ReadingSamples.read("政\u{200B}协\u{FEFF}委员").text == "政协委员")
    }

    @Test func readingIsIdempotentAndKeepsLines() throws {
        for prefix in ["000_", "001_", "002_", "003_", "004_"] {
            let sample = try ReadingSamples.report(prefix)
            let document = try DocumentReader.read(sample.data, path: sample.name)
            #expect(try ReadingSamples.read(document.text).text == document.text, "\(sample.name)")
            let sourceLines = document.source.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(document.text.split(separator: "\n", omittingEmptySubsequences: false).count == sourceLines, "\(sample.name)")
        }
    }
}

@Suite struct ReadingOffsetTests {
    @Test func evidenceIsShownAsWritten() throws {
        let sample = try ReadingSamples.report("002_")
        let document = try DocumentReader.read(sample.data, path: sample.name)
        let scalars = Array(document.text.unicodeScalars)
        let needle = Array("提出政协提案231件".unicodeScalars)
        let start = try #require(scalars.indices.first { scalars[$0...].starts(with: needle) })
        #expect(document.originalText(ofNormalized: start..<(start + needle.count)) == "提出政協(xié)提案231件")
    }

    @Test func deletedSpacesAndNoiseLinesAreMappedAround() throws {
        let document = try ReadingSamples.read("返回顶部\n开展活动27 项，募集1 万元")
        #expect(document.text == "\n开展活动27项，募集1万元")
        #expect(document.originalText(ofNormalized: 1..<8) == "开展活动27 项")
        #expect(document.originalText(ofNormalized: 9..<13) == "募集1 万")
        #expect(document.originalOffset(ofNormalized: 0) == 4)
    }

    @Test func offsetMapMovesAnchorsPastRemovedRanges() {
        var map = OffsetMap()
        map.recordDeletion(normalizedOffset: 5, sourceOffset: 5, count: 2)  // "ab" deleted at 5
        map.recordDeletion(normalizedOffset: 20, sourceOffset: 22, count: 3)
        #expect(map.sourceOffset(ofNormalized: 4) == 4)
        #expect(map.sourceOffset(ofNormalized: 5) == 7)
        #expect(map.sourceOffset(ofNormalized: 21) == 26)
        let removed = map.removing([10..<15])
        #expect(removed.sourceOffset(ofNormalized: 9) == 11)
        #expect(removed.sourceOffset(ofNormalized: 10) == 17)
        #expect(removed.sourceOffset(ofNormalized: 15) == 25)
        #expect(removed.sourceOffset(ofNormalized: 16) == 26)
    }
}

@Suite struct ReadingBoilerplateTests {
    static let page = """
        当前位置：首页 > 新闻中心 > 人大动态 > 正文
        婷婷在线_免费视频精品_亚洲无码专区_国产精品在线观看_最新电影
        区人大常委会2023年工作报告
        来源：某某日报  时间：2024-01-05  浏览次数：
        各位代表：
        2023年，区人大常委会召开常委会会议9次，听取专项工作报告12项。
        开展《著作权法》执法检查，推动版权保护工作。
        区人大常委会主任张三（左二）调研企业
        图为执法检查现场。
        执法检查 | 5次 | 3项 | 2人
        联系代表 27人次
        一、强化监督 | 推动发展 | 保障民生 | 服务大局
        关于我们区代表工作的几点思考
        开通代表邮箱2个
        申请→受理→审查→决定
        开展美丽乡村摄影
        上一篇：区政协召开常委会议
        下一篇：没有了
        打印本页 | 关闭窗口
        返回顶部
        分享到：
        【相关阅读】
        • 区政协2023年工作回顾
        ——区政协围绕中心工作开展调研视察...
        时间：01-05
        甲某科技有限公司 | 乙某贸易有限公司 | 丙某文化传媒 | 丁某工程公司 | 戊某咨询
        本网站转载的作品，版权归原作者所有。如有侵权，请联系本网删除。
        版权所有 © 2009-2024 某某新闻网  备案号：京ICP备12345678号
        某某新闻网
        ---------------
        """

    @Test func webNoiseGoesAndEveryReportLineStays() throws {
        let document = try ReadingSamples.read(Self.page)
        let kept = document.text.split(separator: "\n").map(String.init)
        #expect(kept == [
            "区人大常委会2023年工作报告",
            "来源：某某日报  时间：2024-01-05  浏览次数：",
            "各位代表：",
            "2023年，区人大常委会召开常委会会议9次，听取专项工作报告12项。",
            "开展《著作权法》执法检查，推动版权保护工作。",
            "执法检查 | 5次 | 3项 | 2人",
            "联系代表 27人次",
            "一、强化监督 | 推动发展 | 保障民生 | 服务大局",
            "关于我们区代表工作的几点思考",
            "开通代表邮箱2个",
            "申请→受理→审查→决定",
            "开展美丽乡村摄影",
        ])
    }

    @Test func noiseInTheSamplesGoesAndEveryGoldEvidenceStays() throws {
        let gold = try String(contentsOf: ReadingSamples.fixtures.appendingPathComponent("gold/facts.jsonl"), encoding: .utf8)
        var documents: [String: ReadDocument] = [:]
        var checked = 0
        for line in gold.split(separator: "\n") {
            let fact = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(fact["file"] as? String)
            let evidence = try #require(fact["evidence"] as? String)
            if documents[file] == nil {
                let sample = try ReadingSamples.report(String(file.prefix(4)))
                documents[file] = try DocumentReader.read(sample.data, path: sample.name)
            }
            let normalizedEvidence = try ReadingSamples.read(evidence).text
            #expect(documents[file]!.text.contains(normalizedEvidence), "\(file): \(evidence)")
            checked += 1
        }
        #expect(checked > 300)
        let news = try #require(documents.values.first { $0.source.hasPrefix("当前位置") })
        #expect(!news.text.contains("当前位置") && !news.text.contains("版权所有") && !news.text.contains("上一篇"))
        #expect(!news.text.contains("有限公司|"))
    }
}

/// The same report as it arrives in other forms gives the same facts, through the whole pipeline.
@Suite struct ReadingPipelineTests {
    let pipeline: ReportPipeline

    init() throws {
        pipeline = ReportPipeline(
            activities: try Vocabulary.activities(at: ReadingSamples.root.appendingPathComponent("data/activities.csv")),
            gazetteer: try Vocabulary.gazetteer(at: ReadingSamples.root.appendingPathComponent("data/regions.csv")))
    }

    /// What an analyst compares: each report's body, year and region, and its facts.
    private func facts(_ data: Data, path: String) throws -> [String] {
        try pipeline.parse(data, path: path).reports.flatMap { report in
            report.facts.map { "\(report.body) \(report.period?.year ?? 0) \($0.activityCode) \($0.value) \($0.qualifier) \($0.evidence)" }
        }
    }

    @Test func everyEncodingAndAWebPageGiveTheFactsOfTheUTF8Original() throws {
        let (name, data) = try ReadingSamples.report("001_")
        let text = String(decoding: data, as: UTF8.self)
        let original = try facts(data, path: name)
        #expect(original.count > 20)
        #expect(try facts(ReadingSamples.fixture("001-gb18030.txt"), path: "gb.txt") == original)
        #expect(try facts(ReadingSamples.utf16(text, bigEndian: false), path: "le.txt") == original)
        #expect(try facts(ReadingSamples.utf16(text, bigEndian: true), path: "be.txt") == original)
        #expect(try facts(Data([0xEF, 0xBB, 0xBF]) + data, path: "bom.txt") == original)
        #expect(try facts(Data(ReadingSamples.webPage(text).utf8), path: "page.html") == original)
    }

    @Test func theTraditionalSampleGivesTheFactsOfASimplifiedCopy() throws {
        let (name, data) = try ReadingSamples.report("002_")
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", with: "", options: .regularExpression)
        let simplified = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
        let traditional = try facts(data, path: name)
        #expect(traditional.count > 10)
        #expect(try facts(Data(simplified.utf8), path: "simplified.txt") == traditional)
    }
}
