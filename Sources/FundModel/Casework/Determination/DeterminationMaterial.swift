/// The materials an application for a determination must include (条例 18(1); 认定办法 6).
public enum DeterminationMaterial: String, CodedValue {
    /// 工伤认定申请表: time, place and cause of the accident, and the degree of injury.
    case applicationForm
    /// 与用人单位存在劳动关系（包括事实劳动关系）的证明材料.
    case employmentProof
    /// 医疗诊断证明, or for an occupational disease 职业病诊断证明书 (or 职业病诊断鉴定书).
    case medicalCertificate

    public var chineseName: String {
        switch self {
        case .applicationForm: "工伤认定申请表"
        case .employmentProof: "劳动关系证明材料"
        case .medicalCertificate: "医疗诊断证明或职业病诊断证明书（鉴定书）"
        }
    }
}

/// A material of the checklist and the day it was received.
public struct MaterialReceipt<Material: CodedValue>: Sendable, Hashable, Codable {
    public var material: Material
    public var received: Day

    public init(material: Material, received: Day) {
        self.material = material
        self.received = received
    }
}

/// The one-time written notice of every missing material (一次性书面告知, 条例 18(2); 认定办法 8).
public struct MaterialNotice<Material: CodedValue>: Sendable, Hashable, Codable {
    public var day: Day
    public var missing: [Material]
    public var actor: String

    public init(day: Day, missing: [Material], actor: String) {
        self.day = day
        self.missing = missing
        self.actor = actor
    }
}
