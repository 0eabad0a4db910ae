import FundModel
import Screening

/// A rule's settings in force, as lines a person can read (`参数.threshold.MED = 100000`).
enum ThresholdText {
    struct Line {
        var key: String
        var value: String
    }

    static func lines(_ value: ConfigValue, path: [String] = []) -> [Line] {
        switch value {
        case .map(let entries):
            return entries.keys.sorted(by: keyOrder).flatMap { lines(entries[$0]!, path: path + [$0]) }
        default:
            return [Line(key: path.map(label).joined(separator: " · "), value: text(value))]
        }
    }

    static func keyOrder(_ a: String, _ b: String) -> Bool {
        let order = ["enabled": 0, "level": 1, "levels": 2, "params": 3, "red": 0, "orange": 1, "yellow": 2]
        return (order[a] ?? 9, a) < (order[b] ?? 9, b)
    }

    static func label(_ key: String) -> String {
        key == "levels" ? "分级" : RuleFieldLabels.name(key)
    }

    static func text(_ value: ConfigValue) -> String {
        switch value {
        case .null: "不使用"
        case .bool(let b): b ? "是" : "否"
        case .integer(let n): String(n)
        case .number(let d): d.description
        case .amount(let m): Formatting.yuan(m) + " 元"
        case .severity(let s): s.chineseName
        case .text(let t): t
        case .list(let items): items.joined(separator: "、")
        case .map: ""
        }
    }
}
