import Foundation

/// Traditional → simplified, one character at a time, derived once from ICU's `Hant-Hans` transform.
///
/// Running the ICU transform on every document is slow and, on simplified text, wrong for the few
/// characters that are also standard simplified characters (著名 would become 着名). So the
/// transform is applied once to every ideograph, and the result is split in two: characters outside
/// GB2312 are unambiguously traditional and always converted; the rest (著 乾 於 後 …) only when the
/// document as a whole is traditional.
struct TraditionalChinese: Sendable {
    /// The ideographs the table covers: CJK Extension A through the Compatibility Ideographs.
    private static let first: UInt32 = 0x3400
    private static let last: UInt32 = 0xFAFF
    /// Marks a table entry as ambiguous (also a simplified character).
    private static let ambiguousFlag: UInt32 = 1 << 31

    /// Per ideograph (value - `first`): its simplified scalar value, possibly flagged, or 0 where ICU
    /// leaves it alone. One flat array, because the lookup runs for every Chinese character read.
    private let simplified: [UInt32]
    /// One bit per ideograph: has a table entry. 6 KB, so the check for the (mostly simplified)
    /// characters of a text stays in the first-level cache.
    private let converts: [UInt64]

    static let shared = TraditionalChinese()

    private init() {
        var ideographs = String.UnicodeScalarView()
        var values: [UInt32] = []
        for value in Self.first...Self.last {
            guard let scalar = Unicode.Scalar(value), Normalizer.isHan(value) else { continue }
            values.append(value)
            ideographs.append(scalar)
            // A line per character keeps ICU from applying phrase rules across characters.
            ideographs.append("\n")
        }
        var table = [UInt32](repeating: 0, count: Int(Self.last - Self.first) + 1)
        let converted = String(ideographs).applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? ""
        let lines = converted.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let gb2312 = IconvConverter(from: "UTF-8", to: "GB2312")
        if lines.count >= values.count {
            for (value, line) in zip(values, lines) {
                guard line.count == 1, let target = line.first, target.value != value else { continue }
                // Encodable in GB2312 means it is also a standard simplified character.
                let ambiguous = gb2312?.convert(Array(String(Unicode.Scalar(value)!).utf8)).failure == nil
                table[Int(value - Self.first)] = target.value | (ambiguous ? Self.ambiguousFlag : 0)
            }
        }
        simplified = table
        var bits = [UInt64](repeating: 0, count: table.count / 64 + 1)
        for (index, entry) in table.enumerated() where entry != 0 { bits[index / 64] |= 1 << UInt64(index % 64) }
        converts = bits
    }

    /// The simplified form of an unambiguously traditional character, else nil.
    @inline(__always)
    func simplifiedIfTraditional(_ value: UInt32) -> UInt32? {
        guard value >= Self.first, value <= Self.last else { return nil }
        let index = Int(value &- Self.first)
        guard converts[index &>> 6] & (1 &<< UInt64(index & 63)) != 0 else { return nil }
        let entry = simplified[index]
        return entry & Self.ambiguousFlag != 0 ? nil : entry
    }

    /// The simplified form of a character that is traditional only in a traditional document (著 → 着).
    func simplifiedInTraditionalText(_ value: UInt32) -> UInt32? {
        guard value >= Self.first, value <= Self.last else { return nil }
        let entry = simplified[Int(value &- Self.first)]
        return entry & Self.ambiguousFlag != 0 ? entry & ~Self.ambiguousFlag : nil
    }
}
