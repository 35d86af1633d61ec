/// The output formats every read command offers.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, jsonl, markdown
}
