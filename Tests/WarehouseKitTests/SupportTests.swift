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
