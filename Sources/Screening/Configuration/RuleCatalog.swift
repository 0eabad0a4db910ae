import FundModel

/// Every rule and indicator of rules.md §2–3, in report order.
///
/// The catalogue is the schema of the configuration file: its keys, the kind
/// of each value, and which tables a rule needs. The values themselves (the
/// thresholds) live only in the configuration (`rules.yaml`, whose default is
/// `DefaultRulesConfiguration.yaml`), never in rule code.
public enum RuleCatalog {
    /// All specs: DQ01, R01–R27, then I01–I09.
    public static let all: [RuleSpec] = rules + indicators

    /// The spec of an id, or `nil`.
    public static func spec(_ id: String) -> RuleSpec? { byID[id] }

    private static let byID: [String: RuleSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The ids in report order, for sorting.
    public static let order: [String: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

    public static let rules: [RuleSpec] = [
        RuleSpec(
            id: "DQ01", name: "身份证号校验错误", subject: .worker, tables: [.workers],
            fields: [.level()]),
        RuleSpec(
            id: "R01", name: "清单外支出", subject: .payment, isRealTime: true, tables: [.payments],
            fields: [.outcomes(["off_list", "without_basis"])]),
        RuleSpec(
            id: "R02", name: "单位负担项目由基金支付", subject: .payment, isRealTime: true, tables: [.payments],
            fields: [.level()]),
        RuleSpec(
            id: "R03", name: "大额支出", subject: .payment, isRealTime: true, tables: [.payments],
            fields: [
                .graded([.yellow, .orange, .red], .number, "multiples of the item's threshold T; fires above"),
                .params([FieldSpec("threshold", .itemMap(.amount), "T per item, in yuan")]),
            ], levelOrder: .ascending),
        RuleSpec(
            id: "R04", name: "高频支出", subject: .worker, isRealTime: true, tables: [.payments],
            fields: [
                .graded([.yellow, .orange, .red], .number, "multiples of the item's count N"),
                .params([
                    FieldSpec(
                        "windows",
                        .itemMap(.record([FieldSpec("count", .count), FieldSpec("days", .days)])),
                        "N payments within D days, per item")
                ]),
            ], levelOrder: .ascending),
        RuleSpec(
            id: "R05", name: "死亡后支出", subject: .payment, isRealTime: true, tables: [.payments, .deaths],
            fields: [
                .level(),
                .params([FieldSpec("dependant_items", .itemList, "items that check the dependant, not the worker")]),
            ]),
        RuleSpec(
            id: "R06", name: "伤残津贴与养老金重复", subject: .payment, isRealTime: true,
            tables: [.payments, .pensions], fields: [.level()]),
        RuleSpec(
            id: "R07", name: "与医保重复报销", subject: .payment, tables: [.payments, .medicalInsurance],
            fields: [.level(), .params([FieldSpec("items", .itemList, "items compared with medical insurance")])]),
        RuleSpec(
            id: "R08", name: "重复票据", subject: .payment, isRealTime: true, tables: [.payments],
            fields: [.level()]),
        RuleSpec(
            id: "R09", name: "非协议机构", subject: .payment, isRealTime: true, tables: [.payments, .agreements],
            fields: [
                .level(),
                .params([FieldSpec("services", .itemMap(.service), "the agreement service each item needs")]),
            ]),
        RuleSpec(
            id: "R10", name: "超标准支付", subject: .payment, isRealTime: true,
            tables: [.payments, .injuryCases, .parameters, .assessments],
            fields: [.level(), .params([FieldSpec("tolerance", .amountOrZero, "yuan above the statutory amount")])]),
        RuleSpec(
            id: "R11", name: "无认定支出", subject: .payment, isRealTime: true, tables: [.payments, .injuryCases],
            fields: [.level()]),
        RuleSpec(
            id: "R12", name: "无鉴定或等级不符", subject: .payment, isRealTime: true,
            tables: [.payments, .injuryCases, .assessments], fields: [.level()]),
        RuleSpec(
            id: "R13", name: "参保即出险", subject: .case, tables: [.injuryCases, .workers],
            fields: [
                .outcomes(["soon_after_insured", "outside_insured_period"]),
                .params([FieldSpec("days", .days, "days after insured_since")]),
            ]),
        RuleSpec(
            id: "R14", name: "住院时间重叠", subject: .payment, tables: [.payments],
            fields: [
                .level(),
                .params([
                    FieldSpec("min_nights", .count, "nights each stay must have"),
                    FieldSpec("min_overlap_nights", .count, "nights of overlap that fire"),
                ]),
            ]),
        RuleSpec(
            id: "R15", name: "供养亲属资格", subject: .payment, isRealTime: true, tables: [.payments, .dependents],
            fields: [
                .level(),
                .params([
                    FieldSpec("age_limit", .count, "age of a child, grandchild or sibling"),
                    FieldSpec(
                        "elder_age_man", .count, "age from which a spouse, parent or grandparent (a man) is paid"),
                    FieldSpec(
                        "elder_age_woman", .count, "age from which a spouse, parent or grandparent (a woman) is paid"),
                ]),
            ]),
        RuleSpec(
            id: "R16", name: "机构费用异常", subject: .institution, tables: [.payments, .institutions],
            fields: [
                .graded([.orange, .red], .number, "multiples of the peers' median"),
                .params([FieldSpec("min_payments", .count, "MED payments in the year")]),
            ], levelOrder: .ascending),
        RuleSpec(
            id: "R17", name: "鉴定等级异常集中", subject: .institution, tables: [.assessments],
            fields: [
                .level(),
                .params([
                    FieldSpec("min_assessments", .count, "initial assessments per hospital or expert"),
                    FieldSpec("z", .number, "standard errors above the province's share"),
                ]),
            ]),
        RuleSpec(
            id: "R18", name: "专家回避与集中", subject: .assessment,
            tables: [.assessments, .experts, .injuryCases],
            fields: [
                .outcomes(["recusal", "concentration"]),
                .params([
                    FieldSpec("panels", .count, "panels for workers of one employer"),
                    FieldSpec("days", .days, "within this many days"),
                ]),
            ]),
        RuleSpec(
            id: "R19", name: "收款账户集中", subject: .account, tables: [.payments],
            fields: [.graded([.orange, .red], .count, "distinct workers paid into one account")],
            levelOrder: .ascending),
        RuleSpec(
            id: "R20", name: "认定申请超期", subject: .case, tables: [.injuryCases],
            fields: [
                .outcomes(["worker_late", "employer_late"]),
                .params([
                    FieldSpec("worker_limit_years", .count, "worker, relative or union"),
                    FieldSpec("employer_limit_days", .days, "employer"),
                ]),
            ]),
        RuleSpec(
            id: "R21", name: "认定办理超时", subject: .case, tables: [.injuryCases],
            fields: [.level(), .params([FieldSpec("days", .days, "days from acceptance to decision")])]),
        RuleSpec(
            id: "R22", name: "鉴定材料无就诊记录", subject: .assessment,
            tables: [.assessments, .injuryCases, .healthVisits], fields: [.level()]),
        RuleSpec(
            id: "R23", name: "第三人责任未核实", subject: .case,
            tables: [.injuryCases, .payments, .trafficAccidents],
            fields: [.level(), .params([FieldSpec("days", .days, "days between the two accidents")])]),
        RuleSpec(
            id: "R24", name: "服刑期间领取待遇", subject: .payment, tables: [.payments, .imprisonments],
            fields: [
                .outcomes(["dependant_imprisoned", "worker_imprisoned"]),
                .params([FieldSpec("check_worker", .bool, "also check an imprisoned worker's benefits")]),
            ]),
        RuleSpec(
            id: "R25", name: "缴费基数突增", subject: .case, tables: [.injuryCases, .wages],
            fields: [
                .level(),
                .params([
                    FieldSpec("ratio", .number, "recent mean over the baseline median"),
                    FieldSpec("recent_months", .count), FieldSpec("baseline_months", .count),
                ]),
            ]),
        RuleSpec(
            // The assessments tell which of a worker's two cases pays the allowance (条例 45).
            id: "R26", name: "重复支付", subject: .payment, isRealTime: true, tables: [.payments, .assessments],
            fields: [.level()]),
        RuleSpec(
            id: "R27", name: "本人工资申报不实", subject: .case, tables: [.injuryCases, .wages],
            fields: [
                .graded([.orange, .red], .number, "multiples of the mean wage before the accident; fires above"),
                .params([
                    FieldSpec("months", .count, "calendar months before the accident month"),
                    FieldSpec("min_months", .count, "wage months that must be present"),
                ]),
            ], levelOrder: .ascending),
    ]

    public static let indicators: [RuleSpec] = [
        indicator("I01", "待遇支出增长率", [.fundLedger], .graded([.yellow, .orange, .red]), .ascending),
        indicator("I02", "可支付月数", [.fundLedger], .graded([.orange, .red]), .descending),
        indicator("I03", "工伤预防费占比", [.fundLedger], .graded([.red]), .ascending),
        indicator("I04", "案均医疗费", [.payments, .injuryCases], .graded([.yellow]), .ascending),
        indicator("I05", "一至四级伤残占比", [.assessments], .graded([.orange]), .ascending),
        indicator("I06", "手工报销占比", [.payments], .graded([.yellow]), .ascending),
        indicator(
            "I07", "认定按时办结率", [.injuryCases], .graded([.yellow]), .descending,
            params: [FieldSpec("days", .days, "days from acceptance")]),
        indicator(
            "I08", "疑点核查完成率", [], .graded([.yellow]), .descending,
            params: [FieldSpec("days", .days, "age of the findings")]),
        RuleSpec(id: "I09", name: "违规确认与追回金额", kind: .indicator, subject: .region, tables: [], fields: []),
    ]

    private static func indicator(
        _ id: String, _ name: String, _ tables: [Table], _ levels: FieldSpec, _ order: RuleSpec.LevelOrder,
        params: [FieldSpec] = []
    ) -> RuleSpec {
        RuleSpec(
            id: id, name: name, kind: .indicator, subject: .region, tables: tables,
            fields: params.isEmpty ? [levels] : [levels, .params(params)], levelOrder: order)
    }
}
