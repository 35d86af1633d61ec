import Foundation

/// The canned queries of `Queries/` and of any folder the user adds, by name.
///
/// A user's folder comes after the built-in one, so a user's query of the same name wins.
public struct QueryCatalog: Sendable {
    public private(set) var queries: [CannedQuery] = []
    public private(set) var problems: [String] = []

    public init(folders: [URL]) {
        var byName: [String: CannedQuery] = [:]
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in names.sorted() where file.hasSuffix(".sql") {
                let url = folder.appendingPathComponent(file)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    problems.append("\(url.path): cannot read")
                    continue
                }
                do {
                    let query = try CannedQuery(parsing: text, path: url.path)
                    byName[query.name] = query
                } catch {
                    problems.append(error.description)
                }
            }
        }
        queries = byName.values.sorted { $0.name < $1.name }
    }

    public func query(named name: String) -> CannedQuery? {
        queries.first { $0.name == name }
    }
}
