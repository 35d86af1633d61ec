/// The national gazetteer: every province, prefecture and county unit (`data/regions.csv`).
public struct Gazetteer: Sendable {
    public let regions: [Region]
    private let byCode: [String: Region]

    public init(regions: [Region]) {
        self.regions = regions
        self.byCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func region(code: String) -> Region? { byCode[code] }
}
