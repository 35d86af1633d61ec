/// Finds reports that repeat an earlier one in the same file.
public enum NearDuplicate {
    /// For each text, the index of an earlier text it copies, or nil.
    public static func earlierCopies(of texts: [String]) -> [Int?] {
        // STUB: exact copies only; replaced by the segmenting stage.
        texts.indices.map { i in texts[..<i].firstIndex(of: texts[i]) }
    }
}
