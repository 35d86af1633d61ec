/// Settles a report's region to a gazetteer code, or leaves it open with candidates.
public struct RegionResolver: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public func resolve(title: String, mention: String?, text: String) -> RegionResolution {
        // STUB: replaced by the region stage.
        .open
    }
}
