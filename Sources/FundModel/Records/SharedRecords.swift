// The data other departments share with the fund (信息共享, interchange.md "Shared data").
// Each is keyed by person id; a row that matches no worker or dependant is counted, not dropped.

/// `ext_deaths.csv` (公安、民政).
public struct DeathRecord: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var deathDate: Day
    public var source: String?
    public init(personID: PersonID, deathDate: Day, source: String?) {
        self.personID = personID
        self.deathDate = deathDate
        self.source = source
    }
}

/// `ext_medical_insurance.csv` (医保): a stay or claim settled by medical insurance.
public struct MedicalInsuranceStay: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var institutionID: String?
    public var admissionDate: Day
    public var dischargeDate: Day?
    public var amount: Money?
    public var invoiceNo: String?
    public init(
        personID: PersonID, institutionID: String?, admissionDate: Day, dischargeDate: Day?, amount: Money?,
        invoiceNo: String?
    ) {
        self.personID = personID
        self.institutionID = institutionID
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.amount = amount
        self.invoiceNo = invoiceNo
    }
}

/// `ext_pensions.csv` (养老保险): the start of a basic pension.
public struct PensionRecord: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var startDate: Day
    public var monthlyAmount: Money?
    public init(personID: PersonID, startDate: Day, monthlyAmount: Money?) {
        self.personID = personID
        self.startDate = startDate
        self.monthlyAmount = monthlyAmount
    }
}

/// `ext_health_visits.csv` (卫生健康): a visit to a health institution.
public struct HealthVisit: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var institutionID: String?
    public var visitDate: Day
    public var diagnosis: String?
    public init(personID: PersonID, institutionID: String?, visitDate: Day, diagnosis: String?) {
        self.personID = personID
        self.institutionID = institutionID
        self.visitDate = visitDate
        self.diagnosis = diagnosis
    }
}

/// Liability in a traffic accident (交通事故责任认定).
public enum Liability: String, CodedValue {
    case full, main, equal, minor, none
    public var chineseName: String {
        switch self {
        case .full: "全部责任"
        case .main: "主要责任"
        case .equal: "同等责任"
        case .minor: "次要责任"
        case .none: "无责任"
        }
    }
}

/// `ext_traffic_accidents.csv` (交通、公安).
public struct TrafficAccident: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var accidentDate: Day
    public var liability: Liability
    public init(personID: PersonID, accidentDate: Day, liability: Liability) {
        self.personID = personID
        self.accidentDate = accidentDate
        self.liability = liability
    }
}

/// `ext_imprisonments.csv` (司法): a prison term.
public struct Imprisonment: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var startDate: Day
    /// `nil` while serving.
    public var endDate: Day?
    public init(personID: PersonID, startDate: Day, endDate: Day?) {
        self.personID = personID
        self.startDate = startDate
        self.endDate = endDate
    }

    public func covers(_ day: Day) -> Bool { startDate <= day && (endDate.map { day <= $0 } ?? true) }
}
