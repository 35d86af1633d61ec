/// The kind of body whose work a report reviews.
///
/// Raw values are the codes stored in `dim_body.body_code` and used on the command line.
public enum Body: String, CaseIterable, Sendable, Codable, Hashable {
    case npc
    case cppcc
    case gov
    case court
    case procuratorate

    public var nameZh: String {
        switch self {
        case .npc: "人大常委会"
        case .cppcc: "政协常委会"
        case .gov: "人民政府"
        case .court: "人民法院"
        case .procuratorate: "人民检察院"
        }
    }

    public var nameEn: String {
        switch self {
        case .npc: "People's congress standing committee"
        case .cppcc: "CPPCC standing committee"
        case .gov: "People's government"
        case .court: "People's court"
        case .procuratorate: "People's procuratorate"
        }
    }
}
