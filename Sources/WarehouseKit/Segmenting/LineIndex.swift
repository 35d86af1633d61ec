import Foundation

/// A document's lines, found once on its UTF-8 bytes, with the scalar offsets reports are cut at.
///
/// Only short lines (titles, headings) and the lines around a hit are ever decoded to scalars,
/// so segmenting stays linear and cheap on a 100 MB compilation.
struct LineIndex: Sendable {
    struct Line: Sendable {
        let bytes: Range<Int>
        let scalarStart: Int
        let scalarCount: Int
        var scalarEnd: Int { scalarStart + scalarCount }
    }

    let utf8: [UInt8]
    let lines: [Line]
    let scalarCount: Int

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        var lines: [Line] = []
        var scalars = 0
        utf8.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var lineScalarStart = 0
            for i in 0..<buffer.count {
                let byte = buffer[i]
                if byte == 0x0A {
                    lines.append(Line(bytes: lineStart..<i, scalarStart: lineScalarStart, scalarCount: scalars - lineScalarStart))
                    scalars += 1
                    lineStart = i + 1
                    lineScalarStart = scalars
                } else if byte & 0xC0 != 0x80 {
                    scalars += 1
                }
            }
            lines.append(Line(bytes: lineStart..<buffer.count, scalarStart: lineScalarStart, scalarCount: scalars - lineScalarStart))
        }
        self.utf8 = utf8
        self.lines = lines
        self.scalarCount = scalars
    }

    /// The line's scalars without surrounding white space, cut after `limit` scalars.
    func trimmed(_ index: Int, limit: Int = .max) -> [Unicode.Scalar] {
        let line = lines[index]
        // A scalar takes at most 4 bytes; 64 more leave room for indentation. A sequence cut at
        // the end decodes to U+FFFD beyond the limit.
        let byteLimit = limit >= line.bytes.count ? line.bytes.count : min(line.bytes.count, limit * 4 + 64)
        let text = utf8.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[line.bytes.prefix(byteLimit)]), as: UTF8.self)
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(min(line.scalarCount, limit))
        for scalar in text.unicodeScalars {
            if scalars.isEmpty && ScalarClass.isSpace(scalar) { continue }
            scalars.append(scalar)
            if scalars.count >= limit { break }
        }
        while let last = scalars.last, ScalarClass.isSpace(last) { scalars.removeLast() }
        return scalars
    }

    /// Scalar offset of the line's first scalar that is not white space (its indentation skipped).
    func textStart(_ index: Int) -> Int {
        lines[index].scalarStart + indentation(index).scalars
    }

    /// The line's first byte after its indentation, if any.
    func firstTextByte(_ index: Int) -> UInt8? {
        let at = lines[index].bytes.lowerBound + indentation(index).bytes
        return at < lines[index].bytes.upperBound ? utf8[at] : nil
    }

    /// The line's leading spaces (ASCII, U+3000, U+00A0, BOM) in bytes and in scalars.
    private func indentation(_ index: Int) -> (bytes: Int, scalars: Int) {
        let line = lines[index]
        var i = line.bytes.lowerBound
        var scalars = 0
        while i < line.bytes.upperBound {
            let b = utf8[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
            } else if b == 0xE3, i + 2 < line.bytes.upperBound, utf8[i + 1] == 0x80, utf8[i + 2] == 0x80 {
                i += 3
            } else if b == 0xC2, i + 1 < line.bytes.upperBound, utf8[i + 1] == 0xA0 {
                i += 2
            } else if b == 0xEF, i + 2 < line.bytes.upperBound, utf8[i + 1] == 0xBB, utf8[i + 2] == 0xBF {
                i += 3
            } else {
                break
            }
            scalars += 1
        }
        return (i - line.bytes.lowerBound, scalars)
    }

    func isBlank(_ index: Int) -> Bool {
        let line = lines[index]
        if line.scalarCount > 16 {
            // A byte that no space character's UTF-8 holds settles it without decoding.
            for i in line.bytes where !Self.spaceBytes.contains(utf8[i]) { return false }
        }
        return trimmed(index, limit: 1).isEmpty
    }

    private static let spaceBytes: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0B, 0x0C, 0xE3, 0x80, 0xC2, 0xA0, 0xEF, 0xBB, 0xBF, 0xE2]

    /// Whether a comma (，or ,) stands within the first bytes of a line: the cheap test before a
    /// line's opening words are decoded.
    func hasComma(_ index: Int, withinBytes limit: Int) -> Bool {
        let bytes = lines[index].bytes
        let end = min(bytes.upperBound, bytes.lowerBound + limit)
        var i = bytes.lowerBound
        while i < end {
            if utf8[i] == 0x2C || (utf8[i] == 0xEF && i + 2 < utf8.count && utf8[i + 1] == 0xBC && utf8[i + 2] == 0x8C) { return true }
            i += 1
        }
        return false
    }

    /// The text of a run of lines, line breaks included.
    func text(of lines: Range<Int>) -> Substring {
        guard !lines.isEmpty else { return "" }
        let bytes = self.lines[lines.lowerBound].bytes.lowerBound..<self.lines[lines.upperBound - 1].bytes.upperBound
        return Substring(utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) })
    }

    /// The next non-blank line after `index`, up to `limit` lines on.
    func nextNonBlank(after index: Int, before limit: Int) -> Int? {
        var i = index + 1
        while i < min(limit, lines.count) {
            if !isBlank(i) { return i }
            i += 1
        }
        return nil
    }

    /// Indices of the lines that hold `pattern`, in order, each once.
    func lines(containing pattern: Phrase, within range: Range<Int>? = nil) -> [Int] {
        let needle = pattern.utf8
        let range = range ?? 0..<lines.count
        var found: [Int] = []
        guard !range.isEmpty else { return found }
        utf8.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let p = pin.baseAddress, !needle.isEmpty else { return }
                var offset = lines[range.lowerBound].bytes.lowerBound
                let end = lines[range.upperBound - 1].bytes.upperBound
                var lineCursor = range.lowerBound
                while let at = Self.find(p, needle.count, in: base, from: offset, to: end) {
                    while lineCursor + 1 < lines.count && lines[lineCursor].bytes.upperBound < at { lineCursor += 1 }
                    if found.last != lineCursor { found.append(lineCursor) }
                    offset = lines[lineCursor].bytes.upperBound + 1
                }
            }
        }
        return found
    }

    /// First offset of the needle in `hay[from..<to]`: memchr to the needle's last byte, then
    /// memcmp. The last byte of a Chinese phrase is a UTF-8 continuation byte, far rarer in
    /// Chinese text than the lead bytes E4–E9.
    private static func find(
        _ needle: UnsafePointer<UInt8>, _ length: Int, in hay: UnsafePointer<UInt8>, from: Int, to: Int
    ) -> Int? {
        let last = Int32(needle[length - 1])
        var offset = from + length - 1
        while offset < to {
            guard let hit = memchr(hay + offset, last, to - offset) else { return nil }
            let end = hay.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let at = end - (length - 1)
            if memcmp(hay + at, needle, length - 1) == 0 { return at }
            offset = end + 1
        }
        return nil
    }
}
