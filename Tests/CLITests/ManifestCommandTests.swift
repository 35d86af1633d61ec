import Foundation
import GRDB
import Testing

/// A region settled by the user stays settled: the manifest beside the reports and the
/// `--region` flag win over the text, and survive reloads.
@Suite(.serialized) struct ManifestCommandTests {
    /// 城区 is the name of three districts (阳泉, 晋城, 汕尾); nothing here says which.
    static let report = """
        城区人民代表大会常务委员会工作报告
        各位代表:
        现在,我代表区人民代表大会常务委员会向大会报告工作,请予审议。
        一、2022年主要工作
        一年来,区人大常委会在区委的坚强领导下,认真履行宪法法律赋予的各项职责。全年召开常委会会议7次、主任会议12次,听取审议专项工作报告18项,组织执法检查5项。
        常委会坚持围绕中心、服务大局,依法行使监督权、决定权和任免权,为全区经济社会发展作出了积极贡献。

        """

    func region(_ cli: CLIRunner) throws -> (code: String?, given: Int, facts: String?) {
        try DatabaseQueue(path: cli.database).read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT region_code, region_given FROM report"))
            let facts = try String.fetchOne(db, sql: "SELECT group_concat(DISTINCT region_code) FROM fact_activity")
            return (row["region_code"], row["region_given"], facts)
        }
    }

    @Test func aManifestRowSettlesAnOpenRegionAndSurvivesReloads() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let folder = cli.workDirectory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.report.write(to: folder.appendingPathComponent("chengqu.txt"), atomically: true, encoding: .utf8)

        let open = try cli.run(["load", folder.path, "--db", cli.database])
        #expect(open.status == 0, "\(open.stderr)")
        #expect(try region(cli).code == nil)

        try "file,ordinal,title,region_code,body,year,note\nchengqu.txt,1,,140502,,,settled from the 届 numbers\n"
            .write(to: folder.appendingPathComponent("manifest.csv"), atomically: true, encoding: .utf8)
        let settled = try cli.run(["load", folder.path, "--db", cli.database])
        #expect(settled.stdout.contains("Loaded 1 of 1"), "the manifest changed, so the file is read again")
        #expect(try region(cli).code == "140502")
        #expect(try region(cli).given == 1)
        #expect(try region(cli).facts == "140502", "facts carry the report's settled region")

        let again = try cli.run(["load", folder.path, "--db", cli.database])
        #expect(again.stdout.contains("1 unchanged"))
        #expect(try region(cli).code == "140502")
    }

    @Test func theRegionFlagSettlesEveryReportOfTheFile() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let file = cli.workDirectory.appendingPathComponent("chengqu.txt")
        try Self.report.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try cli.run(["load", file.path, "--region", "140302", "--db", cli.database])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(try region(cli).code == "140302")

        let unknown = try cli.run(["load", file.path, "--region", "999999", "--db", cli.database])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("999999"))
    }
}
