import Screening

/// The Chinese names and units of the rules configuration's keys, for the parameter form and its errors.
///
/// The YAML keys (`off_list`, `windows`) stay the file's language, for import and export; a person editing
/// in the console reads these instead. A key without an entry falls back to the key itself, so a key the
/// catalogue gains later still shows (in English) rather than disappearing.
enum RuleFieldLabels {
    /// The name of a key, wherever it appears.
    static let names: [String: String] = [
        "enabled": "启用", "level": "预警等级", "levels": "预警分级", "params": "参数",
        "red": "红色", "orange": "橙色", "yellow": "黄色",
        "off_list": "清单外项目", "without_basis": "无支付依据",
        "threshold": "大额阈值 T", "windows": "统计窗口", "count": "次数 N", "days": "天数",
        "dependant_items": "按供养亲属核对的项目", "items": "与医保比对的项目", "services": "项目所需协议服务",
        "tolerance": "容差", "soon_after_insured": "参保后短期出险", "outside_insured_period": "参保期外出险",
        "min_nights": "每次住院最少天数", "min_overlap_nights": "重叠天数下限",
        "age_limit": "子女等亲属年龄上限", "elder_age_man": "男性长辈领取年龄", "elder_age_woman": "女性长辈领取年龄",
        "min_payments": "医疗费支付笔数下限", "min_assessments": "初次鉴定数下限", "z": "高于全省占比的标准误倍数",
        "recusal": "应回避未回避", "concentration": "专家集中", "panels": "同一单位职工的鉴定组次数",
        "worker_late": "职工方申请超期", "employer_late": "用人单位申请超期",
        "worker_limit_years": "职工方申请时限", "employer_limit_days": "用人单位申请时限",
        "dependant_imprisoned": "供养亲属服刑", "worker_imprisoned": "职工本人服刑", "check_worker": "核对职工本人",
        "ratio": "突增倍数", "recent_months": "近期月数", "baseline_months": "基期月数",
        "months": "事故前月数", "min_months": "至少应有的工资月数",
    ]

    /// The unit of a key whose kind does not tell it (a number's unit depends on the rule).
    static let units: [String: String] = [
        "R03.levels": "倍（大额阈值 T 的倍数）", "R04.levels": "倍（次数 N 的倍数）",
        "R16.levels": "倍（同类机构中位数的倍数）", "R19.levels": "人（同一账户收款的不同职工）",
        "R27.levels": "倍（事故前平均工资的倍数）", "I01.levels": "%（同比增长）", "I02.levels": "个月",
        "I03.levels": "%（占上年收入）", "I04.levels": "倍（全省案均的倍数）", "I05.levels": "倍（全省占比的倍数）",
        "I06.levels": "%", "I07.levels": "%（低于时预警）", "I08.levels": "%（低于时预警）",
        "R15.params.age_limit": "岁", "R15.params.elder_age_man": "岁", "R15.params.elder_age_woman": "岁",
        "R14.params.min_nights": "晚", "R14.params.min_overlap_nights": "晚", "R18.params.panels": "次",
        "R20.params.worker_limit_years": "年", "R25.params.ratio": "倍", "R25.params.recent_months": "个月",
        "R25.params.baseline_months": "个月", "R27.params.months": "个月", "R27.params.min_months": "个月",
        "R16.params.min_payments": "笔", "R17.params.min_assessments": "次", "R17.params.z": "倍",
    ]

    static func name(_ key: String) -> String { names[key] ?? key }

    /// The unit shown beside a field at `path` (`levels`, `params.windows.count`, …) of rule `id`.
    static func unit(rule id: String, path: [String], kind: ValueKind) -> String {
        let key = ([id] + path).joined(separator: ".")
        if let unit = units[key] { return unit }
        if path.first == "levels", path.count == 2, let unit = units["\(id).levels"] { return unit }
        switch kind {
        case .optional(let inner): return unit(rule: id, path: path, kind: inner)
        case .amount, .amountOrZero: return "元"
        case .days: return "天"
        case .count: return path.last == "count" ? "次" : ""
        default: return ""
        }
    }

    /// The readable name of a path inside a rule (`params.windows.MED.count` → `参数 · 统计窗口 · MED · 次数 N`).
    static func path(_ components: [String]) -> String {
        components.map(name).joined(separator: " · ")
    }

    /// What a value of `kind` must be, in Chinese (the parser's `ValueKind.expectation`, translated).
    static func expectation(_ kind: ValueKind) -> String {
        switch kind {
        case .bool: "须为“是”或“否”"
        case .count: "须为不小于 1 的整数"
        case .days: "须为不小于 1 的整数天数"
        case .amount: "须为大于零的金额（元，至多两位小数）"
        case .amountOrZero: "须为不小于零的金额（元，至多两位小数）"
        case .number: "须为大于零的数（至多四位小数）"
        case .severity: "须为红色、橙色或黄色"
        case .service: "须为医疗、康复或辅助器具"
        case .itemList: "须为项目代码列表（大写字母、数字和下划线，如 MED）"
        case .optional(let inner): expectation(inner) + "，或留空表示不使用"
        case .record: "须为一组参数"
        case .itemMap: "须为按项目代码的一组值"
        }
    }
}
