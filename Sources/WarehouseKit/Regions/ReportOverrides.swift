import Foundation

/// Everything the user has stated about reports for one load: the manifests beside the report
/// folders, and the `--region/--year/--body` flags that apply to every report loaded.
///
/// The flags win over a manifest row, and both win over what the text says. Each file's share of
/// these statements has a digest, so that a changed statement reloads the file it names even
/// when the file's bytes did not change.
public struct ReportOverrides: Sendable {
    public var manifests: [Manifest]
    public var everyReport: ReportOverride?

    public init(manifests: [Manifest] = [], everyReport: ReportOverride? = nil) {
        self.manifests = manifests
        self.everyReport = everyReport == ReportOverride() ? nil : everyReport
    }

    public static let none = ReportOverrides()

    /// The manifests named `manifest.csv` in the folders loaded (for a file: its folder).
    public static func manifests(for sources: [URL], gazetteer: Gazetteer) throws(Manifest.LoadError) -> [Manifest] {
        var folders: [URL] = []
        for source in sources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else { continue }
            let folder = (isDirectory.boolValue ? source : source.deletingLastPathComponent()).standardizedFileURL
            if !folders.contains(folder) { folders.append(folder) }
        }
        var manifests: [Manifest] = []
        for folder in folders {
            let manifest = try Manifest.load(at: folder.appendingPathComponent(Manifest.fileName), gazetteer: gazetteer)
            if !manifest.entries.isEmpty { manifests.append(manifest) }
        }
        return manifests
    }

    public func lookup(path: String, ordinal: Int, title: String) -> ReportOverride? {
        var result: ReportOverride?
        for manifest in manifests {
            guard let found = manifest.override(file: path, ordinal: ordinal, title: title) else { continue }
            result = merged(result ?? ReportOverride(), with: found)
        }
        if let everyReport { result = merged(result ?? ReportOverride(), with: everyReport) }
        return result
    }

    /// "" when nothing is stated about the file.
    public func digest(forFile path: String) -> String {
        var canonical = ""
        for manifest in manifests {
            for e in manifest.entries(forFile: path) {
                canonical += [
                    e.file, e.ordinal.map(String.init) ?? "", e.title ?? "", e.override.regionCode ?? "",
                    e.override.body?.rawValue ?? "", e.override.year.map(String.init) ?? "", e.override.note ?? "",
                ].joined(separator: "\u{1F}") + "\u{1E}"
            }
        }
        if let o = everyReport {
            canonical += ["*", o.regionCode ?? "", o.body?.rawValue ?? "", o.year.map(String.init) ?? ""]
                .joined(separator: "\u{1F}")
        }
        return canonical.isEmpty ? "" : SHA256.hex(Data(canonical.utf8))
    }

    private func merged(_ base: ReportOverride, with top: ReportOverride) -> ReportOverride {
        ReportOverride(
            regionCode: top.regionCode ?? base.regionCode, body: top.body ?? base.body,
            year: top.year ?? base.year, note: top.note ?? base.note)
    }
}
