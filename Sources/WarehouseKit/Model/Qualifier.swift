/// How exactly a report states a number: 30多篇 is `atLeast`, 近百次 is `approx`.
///
/// Analysts must be able to tell a stated figure from a floor or an estimate, so the qualifier
/// travels with every value into the warehouse and into rendered output (`170+`, `≈2000`).
public enum Qualifier: String, Sendable, Codable, Hashable {
    case exact
    case atLeast = "at_least"
    case approx
}
