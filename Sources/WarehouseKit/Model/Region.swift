/// One unit of the national gazetteer (`data/regions.csv`, GB/T 2260 codes).
public struct Region: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        case province, prefecture, county
    }

    public var code: String
    public var name: String
    public var level: Level
    public var parentCode: String?
    public var province: String
    public var prefecture: String?
    public var fullName: String

    public init(
        code: String, name: String, level: Level, parentCode: String?, province: String,
        prefecture: String?, fullName: String
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.province = province
        self.prefecture = prefecture
        self.fullName = fullName
    }
}

/// What region resolution concluded for one report.
///
/// A guessed region is worse than an open one: when the text does not settle a homonym,
/// `code` stays nil and `candidates` lists every unit it could be.
public struct RegionResolution: Sendable, Hashable {
    public var code: String?
    public var candidates: [String]
    /// Set when the code comes from the manifest or the command line, not from the text.
    public var given: Bool
    /// Why the resolver decided as it did (shown by `warehouse reports --open`).
    public var note: String?

    public init(code: String?, candidates: [String] = [], given: Bool = false, note: String? = nil) {
        self.code = code
        self.candidates = candidates
        self.given = given
        self.note = note
    }

    public static let open = RegionResolution(code: nil)
}
