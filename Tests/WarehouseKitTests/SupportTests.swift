import Foundation
import Testing
@testable import WarehouseKit

@Suite struct CSVTableTests {
    @Test func quotedFieldsWithCommasNewlinesAndDoubledQuotes() throws {
        let table = try CSVTable(parsing: "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n", source: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "x, \"y\"\nz", "3"]])
    }

    @Test func unterminatedQuoteNamesTheLine() {
        #expect(throws: CSVTable.ParseError.self) { try CSVTable(parsing: "a\n\"open\n", source: "t.csv") }
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data(repeating: 0x61, count: 1000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct ResourceLocatorTests {
    static let repositoryRoot = RepositoryFiles.root

    @Test func findsTheCheckoutUpwardsFromAFolderInside() throws {
        let inside = Self.repositoryRoot.appendingPathComponent("Sources/WarehouseKit")
        let located = try ResourceLocator.locate(environment: [:], workingDirectory: inside, executable: nil)
        #expect(located.home.standardizedFileURL.path == Self.repositoryRoot.standardizedFileURL.path)
    }

    @Test func theEnvironmentVariableWins() throws {
        let located = try ResourceLocator.locate(
            environment: ["WAREHOUSE_HOME": Self.repositoryRoot.path],
            workingDirectory: URL(fileURLWithPath: "/"), executable: nil)
        #expect(located.queriesDirectory.path.hasSuffix("Queries"))
    }

    @Test func nowhereToBeFoundIsAClearError() {
        #expect(throws: ResourceLocator.LocateError.self) {
            try ResourceLocator.locate(environment: [:], workingDirectory: URL(fileURLWithPath: "/proc"), executable: nil)
        }
    }
}

@Suite struct VocabularyTests {
    @Test func theShippedVocabularyHasEveryCodeOfTheSpecWithCues() throws {
        let url = ResourceLocatorTests.repositoryRoot.appendingPathComponent("data/activities.csv")
        let activities = try Vocabulary.activities(at: url)
        // The 58 codes of shared/spec/activities.csv, courts' and procuratorates' among them.
        #expect(activities.count == 58)
        #expect(activities.allSatisfy { !$0.cues.isEmpty })
        let inspection = try #require(activities.first { $0.code == "law_enforcement_inspection" })
        #expect(inspection.cues.first == "执法检查")
        // A split cue: the verb and the noun it governs, with words between.
        #expect(inspection.cues.contains("检查…法律法规"))
        #expect(inspection.applies(to: .npc) && !inspection.applies(to: .cppcc))
    }

    @Test func theGazetteerHasEveryUnit() throws {
        let url = ResourceLocatorTests.repositoryRoot.appendingPathComponent("data/regions.csv")
        let gazetteer = try Vocabulary.gazetteer(at: url)
        #expect(gazetteer.regions.count == 3210)
        #expect(gazetteer.region(code: "420107")?.fullName == "湖北省武汉市青山区")
        #expect(gazetteer.region(code: "110112")?.parentCode == "110000")
    }
}

@Suite struct SHA256BoundaryTests {
    /// Lengths around the 55/56/64-byte boundaries where padding needs one or two extra blocks.
    @Test(arguments: [55, 56, 63, 64, 65, 119, 120, 128])
    func paddingBoundariesMatchTheSystemTool(length: Int) throws {
        let data = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(length)-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(SHA256.hex(data) == String(output.prefix(64)))
    }
}
