/// Hand-made report texts for tests that need the splitter to find a report: a title, the
/// salutation, an opening that names the year, and enough ordinary prose to count as a report.
enum ReportTextFixture {
    static func npc(region: String, year: Int = 2022, _ sentences: String) -> String {
        """
        \(region)人民代表大会常务委员会工作报告
        各位代表:
        现在,我代表\(region)人民代表大会常务委员会向大会报告工作,请予审议。
        一、\(year)年主要工作
        一年来,区人大常委会在区委的坚强领导下,坚持党的领导、人民当家作主、依法治国有机统一,认真履行宪法法律赋予的各项职责,较好完成了区人大会议确定的各项目标任务。
        \(sentences)
        常委会坚持围绕中心、服务大局,依法行使监督权、决定权和任免权,密切联系人民群众,为全区经济社会发展作出了积极贡献。

        """
    }
}
