import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the output goes to. A terminal gets tables cut to its width and coloured figures;
/// a pipe or a file gets plain, uncut text, so that `warehouse … > out.txt` loses nothing.
enum Terminal {
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width to fit tables into: `COLUMNS`, else the terminal's own (TIOCGWINSZ), when
    /// stdout is a terminal; nil (no limit) when it is not.
    static var width: Int? {
        guard isTerminal else { return nil }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
    static var colour: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
