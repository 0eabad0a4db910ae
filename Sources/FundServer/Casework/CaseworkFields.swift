import Foundation
import FundModel

/// Reads the fields of a casework form (or of a JSON body turned into one) and collects every problem by field
/// name, so that one answer lists all that is wrong: `须填写`, `日期格式应为 YYYY-MM-DD`, ….
struct CaseworkFields {
    let form: RequestForm
    private(set) var problems: [String: String] = [:]

    init(_ form: RequestForm) { self.form = form }

    mutating func problem(_ name: String, _ message: String) {
        if problems[name] == nil { problems[name] = message }
    }

    /// The trimmed value, or `nil` when absent or blank.
    func optional(_ name: String) -> String? { form[name] }

    /// A required text.
    mutating func text(_ name: String, _ label: String) -> String {
        guard let value = form[name] else {
            problem(name, "须填写\(label)")
            return ""
        }
        if value.count > 2000 { problem(name, "\(label)不能超过 2000 字") }
        return value
    }

    mutating func day(_ name: String, _ label: String) -> Day? {
        guard let text = form[name] else {
            problem(name, "须填写\(label)（YYYY-MM-DD）")
            return nil
        }
        return parsedDay(name, label, text)
    }

    mutating func optionalDay(_ name: String, _ label: String) -> Day? {
        form[name].flatMap { parsedDay(name, label, $0) }
    }

    private mutating func parsedDay(_ name: String, _ label: String, _ text: String) -> Day? {
        guard let day = Day(iso: text) else {
            problem(name, "\(label)须为日期 YYYY-MM-DD（收到 \(text)）")
            return nil
        }
        return day
    }

    mutating func code<C: CodedValue>(_ name: String, _ label: String, default fallback: C? = nil) -> C? {
        guard let text = form[name] else {
            if fallback == nil { problem(name, "须选择\(label)") }
            return fallback
        }
        guard let value = C(rawValue: text) else {
            problem(name, "\(label)取值须为 \(C.codeList)（收到 \(text)）")
            return nil
        }
        return value
    }

    /// A code that may be left out (a list filter): `nil` when absent, a problem when unknown.
    mutating func optionalCode<C: CodedValue>(_ name: String, _ label: String) -> C? {
        guard form[name] != nil else { return nil }
        return code(name, label)
    }

    /// Every value of a list field: repeated fields (checkboxes) and comma- or line-separated text alike.
    func list(_ name: String) -> [String] {
        (form.fields[name] ?? []).flatMap { value in
            value.split(whereSeparator: { ",，、;；\n\r".contains($0) }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }.filter { !$0.isEmpty }
    }

    mutating func codes<C: CodedValue>(_ name: String, _ label: String) -> [C] {
        var values: [C] = []
        for text in list(name) {
            if let value = C(rawValue: text) {
                values.append(value)
            } else {
                problem(name, "\(label)取值须为 \(C.codeList)（收到 \(text)）")
            }
        }
        return values
    }

    mutating func int(_ name: String, _ label: String, in range: ClosedRange<Int>) -> Int? {
        required(
            name, missing: "须填写\(label)", { Int($0).flatMap { range.contains($0) ? $0 : nil } },
            invalid: { "\(label)须为 \(range.lowerBound)–\(range.upperBound) 的整数（收到 \($0)）" })
    }

    mutating func seed(_ name: String = "seed") -> UInt64? {
        guard let text = form[name] else { return nil }
        guard let value = UInt64(text) else {
            problem(name, "随机种子须为非负整数（收到 \(text)）")
            return nil
        }
        return value
    }

    mutating func money(_ name: String, _ label: String) -> Money? {
        guard let text = form[name] else { return nil }
        guard let value = Formatting.parseYuan(text) else {
            problem(name, "\(label)须为金额（元，最多两位小数）")
            return nil
        }
        return value
    }

    mutating func region(_ name: String, _ label: String) -> RegionCode? {
        required(
            name, missing: "须填写\(label)（6 位地区代码）", { RegionCode($0) },
            invalid: { "\(label)须为 6 位地区代码（收到 \($0)）" })
    }

    mutating func person(_ name: String, _ label: String) -> PersonID? {
        required(name, missing: "须填写\(label)", { PersonID($0) }, invalid: { _ in "\(label)不是有效的公民身份号码" })
    }

    /// A required field that must parse: `missing` when absent or blank, `invalid(text)` when `parse` refuses it.
    /// The typed readers (`int`, `region`, `person`) differ only in the parser and the wording.
    private mutating func required<T>(
        _ name: String, missing: String, _ parse: (String) -> T?, invalid: (String) -> String
    ) -> T? {
        guard let text = form[name] else {
            problem(name, missing)
            return nil
        }
        guard let value = parse(text) else {
            problem(name, invalid(text))
            return nil
        }
        return value
    }

    /// `1`, `true`, `on`, `yes` are true.
    func flag(_ name: String) -> Bool {
        guard let text = form[name]?.lowercased() else { return false }
        return ["1", "true", "on", "yes", "是"].contains(text)
    }

    /// Throws a 422 listing every problem found, if any.
    func check() throws {
        guard problems.isEmpty else {
            throw AppError.invalid(
                "输入有误：" + problems.sorted { $0.key < $1.key }.map { "\($0.key)：\($0.value)" }.joined(separator: "；"),
                fields: problems)
        }
    }
}
