/// The readable text of a web page: what a browser shows, one block per line.
///
/// A single pass over the UTF-8 bytes (markup is ASCII, so bytes of Chinese characters are never
/// mistaken for it). Not a full HTML parser: malformed pages degrade to keeping more text, never less.
enum HTMLText {
    /// Elements whose content is never report text.
    private static let hiddenElements: Set<[UInt8]> = Set(
        ["script", "style", "head", "nav", "noscript", "template", "svg", "iframe", "select", "button", "footer"]
            .map { Array($0.utf8) })

    /// Elements that start a new line: paragraphs, line breaks, headings, list items, table rows.
    private static let blockElements: Set<[UInt8]> = Set(
        ["p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
         "section", "article", "header", "main", "aside", "blockquote", "pre", "hr", "figure", "figcaption",
         "form", "address", "center", "title", "body", "html"]
            .map { Array($0.utf8) })

    /// Table cells sit side by side on their row's line.
    private static let cellElements: Set<[UInt8]> = [Array("td".utf8), Array("th".utf8)]

    /// Whether the file is a web page: by its extension, or because it starts with markup.
    static func isHTML(_ utf8: UnsafeBufferPointer<UInt8>, path: String) -> Bool {
        let lowerPath = path.lowercased()
        if [".html", ".htm", ".xhtml", ".shtml"].contains(where: lowerPath.hasSuffix) { return true }
        let head = utf8.prefix(4096).map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
        guard head.first(where: { $0 > 0x20 }) == UInt8(ascii: "<") else { return false }
        let markers = ["<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<section", "<table"]
        return markers.contains { marker in
            let needle = Array(marker.utf8)
            return head.indices.contains { head[$0...].starts(with: needle) }
        }
    }

    /// The page's text as UTF-8: one line per block, whitespace collapsed, entities decoded.
    static func text(fromHTML bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var writer = TextWriter(capacity: bytes.count / 2)
        var index = 0
        var preformatted = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let tag = Tag(bytes, at: index) {
                index = tag.end
                if tag.isComment { continue }
                if !tag.closing, !tag.selfClosing, hiddenElements.contains(tag.name) {
                    index = endOfHiddenElement(tag.name, in: bytes, from: index)
                } else if blockElements.contains(tag.name) {
                    writer.breakLine()
                    if tag.name == Array("pre".utf8) { preformatted = max(0, preformatted + (tag.closing ? -1 : 1)) }
                } else if cellElements.contains(tag.name), !tag.closing {
                    writer.space()
                }
            } else if byte == UInt8(ascii: "&"), let (scalar, end) = HTMLEntities.decode(bytes, at: index) {
                writer.append(scalar)
                index = end
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if preformatted > 0, byte == 0x0A { writer.breakLine() } else { writer.whitespace(isNewline: byte == 0x0A) }
                index += 1
            } else {
                writer.appendByte(byte)
                index += 1
            }
        }
        return writer.finish()
    }

    /// Index after the closing tag of a hidden element (or the end of the page if it is never closed).
    /// `<head>` also ends where `<body>` starts, since pages often leave it unclosed.
    private static func endOfHiddenElement(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if let tag = Tag(bytes, at: index), !tag.isComment {
                if tag.closing, tag.name == name { return tag.end }
                if name == Array("head".utf8), !tag.closing, tag.name == Array("body".utf8) { return index }
                // Inside script and style, other tags are just text; skip past them only.
                index = tag.name == name ? tag.end : index + 1
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// One tag (or comment, doctype, processing instruction) starting at "<".
    private struct Tag {
        var name: [UInt8] = []
        var closing = false
        var selfClosing = false
        var isComment = false
        var end: Int

        init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
            var index = start + 1
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "?") {
                isComment = true
                if bytes[index...].starts(with: Array("!--".utf8)) {
                    end = Self.index(after: Array("-->".utf8), in: bytes, from: index + 3)
                } else {
                    end = Self.index(after: [UInt8(ascii: ">")], in: bytes, from: index)
                }
                return
            }
            if bytes[index] == UInt8(ascii: "/") {
                closing = true
                index += 1
            }
            let nameStart = index
            while index < bytes.count, HTMLEntities.isASCIIAlphanumeric(bytes[index]) { index += 1 }
            guard index > nameStart, !(bytes[nameStart] >= UInt8(ascii: "0") && bytes[nameStart] <= UInt8(ascii: "9")) else {
                return nil  // "<" in text, as in "a < b" or "<10"
            }
            name = bytes[nameStart..<index].map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
            // Attributes may hold ">" inside quotes.
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    selfClosing = index > start && bytes[index - 1] == UInt8(ascii: "/")
                    end = index + 1
                    return
                }
                index += 1
            }
            end = bytes.count
        }

        private static func index(after needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var index = start
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index...].starts(with: needle) { return index + needle.count }
                index += 1
            }
            return bytes.count
        }
    }

    /// Collapses whitespace the way a browser does and writes one line per block.
    private struct TextWriter {
        private var output: [UInt8] = []
        private var atLineStart = true
        private var pendingSpace = false
        private var pendingSpaceHadNewline = false

        init(capacity: Int) { output.reserveCapacity(capacity) }

        mutating func breakLine() {
            if !atLineStart { output.append(0x0A) }
            atLineStart = true
            pendingSpace = false
        }

        mutating func space() {
            pendingSpace = !atLineStart
            pendingSpaceHadNewline = false
        }

        mutating func whitespace(isNewline: Bool) {
            guard !atLineStart else { return }
            if !pendingSpace { pendingSpaceHadNewline = false }
            pendingSpace = true
            pendingSpaceHadNewline = pendingSpaceHadNewline || isNewline
        }

        mutating func appendByte(_ byte: UInt8) {
            if pendingSpace {
                // A source line break between two Chinese characters is not a space (CSS Text, segment breaks).
                let joinsCJK = pendingSpaceHadNewline && byte >= 0xE0 && (output.last ?? 0) >= 0x80
                if !joinsCJK { output.append(0x20) }
                pendingSpace = false
            }
            output.append(byte)
            atLineStart = false
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            for byte in UTF8.encode(scalar)! { appendByte(byte) }
        }

        mutating func finish() -> [UInt8] {
            while output.last == 0x0A || output.last == 0x20 { output.removeLast() }
            return output
        }
    }
}
