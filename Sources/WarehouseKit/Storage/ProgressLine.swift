import Foundation

/// The one-line progress bar a load draws on a terminal:
/// `[########            ]  120/300 files  12.1/30.4 MB  8.3 MB/s  ETA 0:02`.
///
/// Rate and ETA count bytes, not files, since one large compilation takes as long as many
/// small reports.
public enum ProgressLine {
    public static func render(_ progress: LoadProgress, elapsed: TimeInterval, width: Int) -> String {
        let fraction = progress.bytesTotal > 0
            ? Double(progress.bytesDone) / Double(progress.bytesTotal)
            : (progress.filesTotal > 0 ? Double(progress.filesDone) / Double(progress.filesTotal) : 1)
        let rate = elapsed > 0 ? Double(progress.bytesDone) / elapsed : 0
        var text = "\(progress.filesDone)/\(progress.filesTotal) files  "
            + "\(megabytes(progress.bytesDone))/\(megabytes(progress.bytesTotal)) MB  "
            + "\(megabytes(Int(rate))) MB/s"
        if rate > 0, progress.bytesDone < progress.bytesTotal {
            text += "  ETA \(clock(Double(progress.bytesTotal - progress.bytesDone) / rate))"
        }
        let barWidth = min(30, width - text.count - 4)
        guard barWidth >= 5 else { return String(text.prefix(max(0, width - 1))) }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: barWidth - filled) + "]  " + text
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    /// 75 s → "1:15"; an hour or more → "1:02:03".
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}
