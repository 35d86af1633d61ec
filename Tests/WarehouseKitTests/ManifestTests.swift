import Foundation
import Testing
@testable import WarehouseKit

@Suite struct ManifestTests {
    let gazetteer = sharedGazetteer

    /// A fresh folder with a manifest, removed by the caller.
    private func folder(manifest: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        if let manifest {
            try manifest.write(to: dir.appendingPathComponent("manifest.csv"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func missingManifestIsEmpty() throws {
        let dir = try folder(manifest: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try Manifest.load(at: dir.appendingPathComponent("manifest.csv"), gazetteer: gazetteer)
        #expect(manifest.entries.isEmpty)
        #expect(manifest.override(file: "004_ab4a3668ffbb590e.txt", ordinal: 3, title: "城区人民代表大会常务委员会工作报告") == nil)
    }

    @Test func rowsByOrdinalTitleAndWholeFile() throws {
        let dir = try folder(manifest: """
            file,ordinal,title,region_code,body,year,note
            004_ab4a3668ffbb590e.txt,3,,140502,,,"区十届人大, 中原街: 晋城市城区"
            004_ab4a3668ffbb590e.txt,,青山区人民代表大会常务委员会工作报告,420107,npc,,
            sub/001.txt,,,,,2023,
            sub/001.txt,1,,420113,,,

            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try Manifest.load(at: dir.appendingPathComponent("manifest.csv"), gazetteer: gazetteer)
        #expect(manifest.entries.count == 4)

        let byOrdinal = manifest.override(file: dir.appendingPathComponent("004_ab4a3668ffbb590e.txt").path, ordinal: 3, title: "城区人民代表大会常务委员会工作报告")
        #expect(byOrdinal?.regionCode == "140502")
        #expect(byOrdinal?.note == "区十届人大, 中原街: 晋城市城区")
        #expect(manifest.override(file: "004_ab4a3668ffbb590e.txt", ordinal: 4, title: "定海区委员会常务委员会工作报告") == nil)

        let byTitle = manifest.override(file: "004_ab4a3668ffbb590e.txt", ordinal: 12, title: " 青山区人民代表大会常务委员会工作报告 ")
        #expect(byTitle == ReportOverride(regionCode: "420107", body: .npc))

        // The whole-file row gives the year, the row for report 1 adds the region.
        let path = dir.appendingPathComponent("sub/001.txt").path
        #expect(manifest.override(file: path, ordinal: 1, title: "x") == ReportOverride(regionCode: "420113", year: 2023))
        #expect(manifest.override(file: path, ordinal: 2, title: "x") == ReportOverride(year: 2023))
        // A relative path is relative to the manifest's folder, not a bare name anywhere.
        #expect(manifest.override(file: "/elsewhere/001.txt", ordinal: 1, title: "x") == nil)
    }

    @Test func unknownRegionCodeIsNamed() throws {
        let dir = try folder(manifest: "file,ordinal,title,region_code,body,year,note\na.txt,1,,999999,,,\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: Manifest.LoadError.unknownRegion(path: dir.appendingPathComponent("manifest.csv").path, line: 2, code: "999999")) {
            try Manifest.load(at: dir.appendingPathComponent("manifest.csv"), gazetteer: gazetteer)
        }
    }

    @Test func badRowsNameTheirLine() throws {
        let cases = [
            "a.txt,x,,420113,,,": "ordinal",
            "a.txt,1,,420113,parliament,,": "body",
            "a.txt,1,,420113,,20,": "year",
            ",1,,420113,,,": "file",
            "a.txt,1,,,,,just a note": "sets none",
        ]
        for (row, word) in cases {
            let dir = try folder(manifest: "file,ordinal,title,region_code,body,year,note\nb.txt,1,,420113,,,\n\(row)\n")
            defer { try? FileManager.default.removeItem(at: dir) }
            do {
                _ = try Manifest.load(at: dir.appendingPathComponent("manifest.csv"), gazetteer: gazetteer)
                Issue.record("row '\(row)' was accepted")
            } catch {
                #expect(error.description.contains("line 3"), "\(error)")
                #expect(error.description.contains(word), "\(error)")
            }
        }
    }

    @Test func repeatedRowIsAnError() throws {
        let dir = try folder(manifest: "file,ordinal,title,region_code,body,year,note\na.txt,1,,420113,,,\na.txt,1,,420107,,,\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: Manifest.LoadError.self) { try Manifest.load(at: dir.appendingPathComponent("manifest.csv"), gazetteer: gazetteer) }
    }

    @Test func overrideSurvivesAReloadAndWinsInThePipeline() throws {
        let dir = try folder(manifest: "file,ordinal,title,region_code,body,year,note\n城区.txt,1,,140502,,2022,\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = ReportTextFixture.npc(region: "城区", "我受区十届人大常委会委托,向大会报告工作。")
        let pipeline = ReportPipeline(activities: [], gazetteer: gazetteer)
        for _ in 0..<2 {
            let manifest = try Manifest.load(at: dir.appendingPathComponent("manifest.csv"), gazetteer: gazetteer)
            let parsed = try pipeline.parse(Data(text.utf8), path: dir.appendingPathComponent("城区.txt").path) { ordinal, title in
                manifest.override(file: dir.appendingPathComponent("城区.txt").path, ordinal: ordinal, title: title)
            }
            #expect(parsed.reports.first?.region.code == "140502")
            #expect(parsed.reports.first?.region.given == true)
            #expect(parsed.reports.first?.period?.year == 2022)
        }
        // Without the manifest the same text stays open.
        let open = try pipeline.parse(Data(text.utf8), path: "城区.txt")
        #expect(open.reports.first?.region.code == nil)
        #expect(open.reports.first?.region.candidates.contains("140502") == true)
    }
}
