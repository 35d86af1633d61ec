/// Recognises files that are not text, so they are refused with a reason instead of read as mojibake.
enum BinarySniffer {
    /// Leading bytes of common non-text formats. Only signatures that no text file starts with.
    private static let signatures: [(bytes: [UInt8], offset: Int, kind: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "JPEG image"),
        (Array("GIF87a".utf8), 0, "GIF image"),
        (Array("GIF89a".utf8), 0, "GIF image"),
        (Array("WEBP".utf8), 8, "WebP image"),
        ([0x49, 0x49, 0x2A, 0x00], 0, "TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], 0, "TIFF image"),
        (Array("%PDF-".utf8), 0, "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], 0, "ZIP archive"),
        ([0x50, 0x4B, 0x05, 0x06], 0, "ZIP archive"),
        ([0x1F, 0x8B], 0, "gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "7-Zip archive"),
        (Array("Rar!".utf8) + [0x1A, 0x07], 0, "RAR archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0, "xz archive"),
        (Array("BZh".utf8), 0, "bzip2 archive"),
        (Array("ustar".utf8), 257, "tar archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "Word/Excel 97-2003 document"),
        (Array("{\\rtf".utf8), 0, "RTF document"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "executable (ELF)"),
        (Array("SQLite format 3".utf8) + [0], 0, "SQLite database"),
        (Array("ID3".utf8), 0, "MP3 audio"),
        (Array("OggS".utf8), 0, "Ogg media"),
        (Array("ftyp".utf8), 4, "MP4 video"),
    ]

    /// The kind of binary file `bytes` starts like, or nil if it may be text.
    static func signatureKind(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for signature in signatures where signature.offset + signature.bytes.count <= bytes.count {
            let start = signature.offset
            guard bytes[start..<(start + signature.bytes.count)].elementsEqual(signature.bytes) else { continue }
            if signature.kind == "bzip2 archive", !isBzip2(bytes) { continue }
            if signature.kind == "ZIP archive" { return officeKind(of: bytes) ?? signature.kind }
            return signature.kind
        }
        return nil
    }

    /// "BZh" is also how a text could begin; the block magic (π's digits in BCD) settles it.
    private static func isBzip2(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 10 && (0x31...0x39).contains(bytes[3])
            && bytes[4..<10].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
    }

    /// Word, Excel and PowerPoint files are ZIP archives; naming them tells the user what to export.
    private static func officeKind(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = bytes.prefix(4096)
        for (folder, kind) in [("word/", "Word document (DOCX)"), ("xl/", "Excel workbook (XLSX)"), ("ppt/", "PowerPoint file (PPTX)")] {
            let needle = Array(folder.utf8)
            if head.indices.contains(where: { head[$0...].starts(with: needle) }) { return kind }
        }
        return nil
    }

    /// Share of C0 control characters (other than tab, line breaks, form feed and escape) above
    /// which decoded bytes are data, not prose.
    static func hasControlCharacterNoise(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = utf8.prefix(65_536)
        var controls = 0
        for byte in sample where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: continue
            default: controls += 1
            }
        }
        return controls > 8 && controls * 100 > sample.count
    }
}
