/// The activity vocabulary arranged for matching cue words in text.
public struct CueTable: Sendable {
    public let activities: [Activity]

    public init(activities: [Activity]) {
        self.activities = activities
    }
}
