/// The kind of a contracted institution, which is also the service an agreement covers.
public enum InstitutionKind: String, CodedValue {
    case medical, rehab, assistive
    public var chineseName: String {
        switch self {
        case .medical: "医疗机构"
        case .rehab: "康复机构"
        case .assistive: "辅助器具配置机构"
        }
    }
}

/// A row of `institutions.csv` (协议机构).
public struct Institution: Sendable, Hashable, Codable {
    public var institutionID: String
    public var name: String
    public var kind: InstitutionKind
    public var regionCode: RegionCode
    /// Hospital grade, e.g. 三级甲等.
    public var grade: String?

    public init(institutionID: String, name: String, kind: InstitutionKind, regionCode: RegionCode, grade: String?) {
        self.institutionID = institutionID
        self.name = name
        self.kind = kind
        self.regionCode = regionCode
        self.grade = grade
    }
}

public enum AgreementStatus: String, CodedValue {
    case active, suspended, terminated
    public var chineseName: String {
        switch self {
        case .active: "有效"
        case .suspended: "暂停"
        case .terminated: "终止"
        }
    }
}

/// A row of `agreements.csv` (服务协议).
public struct Agreement: Sendable, Hashable, Codable {
    public var agreementID: String
    public var institutionID: String
    public var services: [InstitutionKind]
    public var startDate: Day
    public var endDate: Day
    public var status: AgreementStatus

    public init(
        agreementID: String, institutionID: String, services: [InstitutionKind], startDate: Day, endDate: Day,
        status: AgreementStatus
    ) {
        self.agreementID = agreementID
        self.institutionID = institutionID
        self.services = services
        self.startDate = startDate
        self.endDate = endDate
        self.status = status
    }

    /// rules.md §5 R09: `start_date ≤ date ≤ end_date` and `active`.
    public func covers(_ service: InstitutionKind, on day: Day) -> Bool {
        status == .active && startDate <= day && day <= endDate && services.contains(service)
    }
}
