/// How the Ministry of Home Affairs files a foreign cooperation in the yearly report: KSDPL
/// (*kerja sama daerah dengan pemerintah daerah di luar negeri*, with a foreign local government)
/// or KSDLL (*kerja sama daerah dengan lembaga di luar negeri*, with a foreign institution).
public enum ReportCategory: String, CaseIterable, Sendable {
    case ksdpl
    case ksdll

    /// Decided by who the partner is, not by what the partnership is called: a "sister city"
    /// with a regency is still KSDPL, and a national government is an institution abroad.
    public init(_ partner: Partner) {
        switch partner.kind {
        case .city, .regency, .province: self = .ksdpl
        case .institution, .nationalGovernment: self = .ksdll
        }
    }
}
