import Foundation

/// Traditional → simplified, one character at a time, derived once from ICU's `Hant-Hans` transform.
///
/// Running the ICU transform on every document is slow and, on simplified text, wrong for the few
/// characters that are also standard simplified characters (著名 would become 着名). So the
/// transform is applied once to every ideograph, and the result is split in two: characters outside
/// GB2312 are unambiguously traditional and always converted; the rest (著 乾 於 後 …) only when the
/// document as a whole is traditional.
struct TraditionalChinese: Sendable {
    /// Ideograph blocks the table covers: CJK Extension A, Unified Ideographs, Compatibility Ideographs.
    private static let blocks: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

    /// Simplified scalar value per ideograph, or 0 where ICU leaves the character alone.
    private let simplified: [UInt32]
    /// Ideographs that ICU converts but that are also standard simplified characters.
    private let ambiguous: Set<UInt32>

    static let shared = TraditionalChinese()

    private init() {
        var ideographs = String.UnicodeScalarView()
        var values: [UInt32] = []
        for block in Self.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                values.append(value)
                ideographs.append(scalar)
                // A line per character keeps ICU from applying phrase rules across characters.
                ideographs.append("\n")
            }
        }
        var table = [UInt32](repeating: 0, count: Self.index(of: 0xFAFF)! + 1)
        var ambiguous = Set<UInt32>()
        let converted = String(ideographs).applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? ""
        let lines = converted.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let gb2312 = IconvConverter(from: "UTF-8", to: "GB2312")
        if lines.count >= values.count {
            for (value, line) in zip(values, lines) {
                guard line.count == 1, let target = line.first, target.value != value else { continue }
                table[Self.index(of: value)!] = target.value
                // Encodable in GB2312 means it is also a standard simplified character.
                if let gb2312, gb2312.convert(Array(String(Unicode.Scalar(value)!).utf8)).failure == nil {
                    ambiguous.insert(value)
                }
            }
        }
        simplified = table
        self.ambiguous = ambiguous
    }

    /// Position of an ideograph in the table: the three blocks laid end to end.
    private static func index(of value: UInt32) -> Int? {
        var base = 0
        for block in blocks {
            if block.contains(value) { return base + Int(value - block.lowerBound) }
            base += block.count
        }
        return nil
    }

    /// The simplified form of an unambiguously traditional character, else nil.
    func simplifiedIfTraditional(_ value: UInt32) -> UInt32? {
        guard value >= 0x3400, value <= 0xFAFF, let index = Self.index(of: value) else { return nil }
        let target = simplified[index]
        return target == 0 || ambiguous.contains(value) ? nil : target
    }

    /// The simplified form of a character that is traditional only in a traditional document (著 → 着).
    func simplifiedInTraditionalText(_ value: UInt32) -> UInt32? {
        ambiguous.contains(value) ? simplified[Self.index(of: value)!] : nil
    }
}
