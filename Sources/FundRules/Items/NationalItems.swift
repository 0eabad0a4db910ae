import FundModel

extension ItemList {
    /// The national item list of rules.md §1: 社会保险法 38 (paid by the fund) and 39 (paid by the employer),
    /// with the 条例 articles that set each item. In the order of the table.
    public static let nationalItems: [BenefitItem] = [
        national(ItemCode.med, "工伤医疗费", .fund, .perClaim, "社会保险法 38(1); 条例 30"),
        national(ItemCode.rehab, "工伤康复费", .fund, .perClaim, "社会保险法 38(1); 条例 31"),
        national(ItemCode.meal, "住院伙食补助费", .fund, .perStay, "社会保险法 38(2); 条例 30"),
        national(ItemCode.travel, "统筹地区以外就医交通食宿费", .fund, .perClaim, "社会保险法 38(3); 条例 30"),
        national(ItemCode.device, "辅助器具配置费", .fund, .perClaim, "社会保险法 38(4); 条例 32"),
        national(ItemCode.nursing, "生活护理费", .fund, .monthly, "社会保险法 38(5); 条例 34"),
        national(ItemCode.disabilityLump, "一次性伤残补助金", .fund, .oneOff, "社会保险法 38(6); 条例 35–37"),
        national(ItemCode.disabilityMonthly, "伤残津贴", .fund, .monthly, "社会保险法 38(6); 条例 35"),
        national(ItemCode.pensionTopup, "养老待遇低于伤残津贴的补差", .fund, .monthly, "条例 35(3)"),
        national(ItemCode.medicalLump, "一次性工伤医疗补助金", .fund, .oneOff, "社会保险法 38(7); 条例 36–37"),
        national(ItemCode.funeral, "丧葬补助金", .fund, .oneOff, "社会保险法 38(8); 条例 39"),
        national(ItemCode.dependant, "供养亲属抚恤金", .fund, .monthly, "社会保险法 38(8); 条例 39"),
        national(ItemCode.deathLump, "一次性工亡补助金", .fund, .oneOff, "社会保险法 38(8); 条例 39"),
        national(ItemCode.assessmentFee, "劳动能力鉴定费", .fund, .perClaim, "社会保险法 38(9)"),
        national(ItemCode.wageContinuation, "停工留薪期工资福利", .employer, .monthly, "社会保险法 39(1); 条例 33"),
        national(ItemCode.disabilityMonthly56, "五、六级伤残津贴", .employer, .monthly, "社会保险法 39(2); 条例 36"),
        national(ItemCode.employmentLump, "一次性伤残就业补助金", .employer, .oneOff, "社会保险法 39(3); 条例 36–37"),
    ]

    /// The national item of a code, whatever the province did to its status.
    public static func nationalItem(_ code: String) -> BenefitItem? { nationalByCode[code] }

    static let nationalByCode: [String: BenefitItem] = Dictionary(
        uniqueKeysWithValues: nationalItems.map { ($0.code, $0) })

    private static func national(
        _ code: String, _ name: String, _ payer: Payer, _ paidAs: PaidAs, _ basis: String
    ) -> BenefitItem {
        BenefitItem(code: code, name: name, payer: payer, paidAs: paidAs, basis: basis, isNational: true)
    }
}
