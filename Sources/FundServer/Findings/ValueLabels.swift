import FundModel
import FundRules

/// Stored codes as a person reads them: `recognized` → 认定工伤, `MED` → MED 工伤医疗费, `320100` → 南京市.
struct ValueLabels {
    let regions: RegionNames

    func text(table: Table, column: String, value: String) -> String {
        switch column {
        case "region_code", "parent_code":
            return RegionCode(value).map { regions.names[$0] ?? value } ?? value
        case "code" where table == .regions:
            return RegionCode(value).map { regions.names[$0] ?? value } ?? value
        case "item_code":
            return ItemList.nationalItem(value).map { "\(value) \($0.name)" } ?? value
        case "gender": return Gender(rawValue: value)?.chineseName ?? value
        case "kind":
            switch table {
            case .injuryCases: return CaseKind(rawValue: value)?.chineseName ?? value
            case .assessments: return AssessmentKind(rawValue: value)?.chineseName ?? value
            default: return value
            }
        case "applicant": return Applicant(rawValue: value)?.chineseName ?? value
        case "decision": return Decision(rawValue: value)?.chineseName ?? value
        case "channel": return Channel(rawValue: value)?.chineseName ?? value
        case "relation": return Relation(rawValue: value)?.chineseName ?? value
        case "nursing": return NursingLevel(rawValue: value)?.chineseName ?? value
        case "level": return RegionLevel(rawValue: value)?.chineseName ?? value
        default: return value
        }
    }
}
