import FundModel
import Testing

@testable import FundRules

@Suite("Item list (待遇支出项目清单): rules.md §1, 社会保险法 38–39")
struct ItemListTests {
    @Test("社会保险法 38–39: the 17 national items, in the order of rules.md §1")
    func nationalCodes() {
        #expect(
            ItemList.nationalItems.map(\.code) == [
                "MED", "REHAB", "MEAL", "TRAVEL", "DEVICE", "NURSING", "DISABILITY_LUMP", "DISABILITY_MONTHLY",
                "PENSION_TOPUP", "MEDICAL_LUMP", "FUNERAL", "DEPENDANT", "DEATH_LUMP", "ASSESSMENT_FEE",
                "WAGE_CONTINUATION", "DISABILITY_MONTHLY_5_6", "EMPLOYMENT_LUMP",
            ])
        #expect(ItemList.nationalItems.allSatisfy { $0.isNational && $0.status == .active && $0.basis != nil })
    }

    @Test("社会保险法 39: the employer pays exactly 停工留薪期工资, 五六级伤残津贴 and 就业补助金")
    func employerItems() {
        let employer = ItemList.nationalItems.filter { $0.payer == .employer }.map(\.code)
        #expect(employer == ["WAGE_CONTINUATION", "DISABILITY_MONTHLY_5_6", "EMPLOYMENT_LUMP"])
    }

    @Test("rules.md §1: name, paid-as and basis of each national item")
    func nationalRows() throws {
        let expected: [(String, String, PaidAs, String)] = [
            ("MED", "工伤医疗费", .perClaim, "社会保险法 38(1); 条例 30"),
            ("REHAB", "工伤康复费", .perClaim, "社会保险法 38(1); 条例 31"),
            ("MEAL", "住院伙食补助费", .perStay, "社会保险法 38(2); 条例 30"),
            ("TRAVEL", "统筹地区以外就医交通食宿费", .perClaim, "社会保险法 38(3); 条例 30"),
            ("DEVICE", "辅助器具配置费", .perClaim, "社会保险法 38(4); 条例 32"),
            ("NURSING", "生活护理费", .monthly, "社会保险法 38(5); 条例 34"),
            ("DISABILITY_LUMP", "一次性伤残补助金", .oneOff, "社会保险法 38(6); 条例 35–37"),
            ("DISABILITY_MONTHLY", "伤残津贴", .monthly, "社会保险法 38(6); 条例 35"),
            ("PENSION_TOPUP", "养老待遇低于伤残津贴的补差", .monthly, "条例 35(3)"),
            ("MEDICAL_LUMP", "一次性工伤医疗补助金", .oneOff, "社会保险法 38(7); 条例 36–37"),
            ("FUNERAL", "丧葬补助金", .oneOff, "社会保险法 38(8); 条例 39"),
            ("DEPENDANT", "供养亲属抚恤金", .monthly, "社会保险法 38(8); 条例 39"),
            ("DEATH_LUMP", "一次性工亡补助金", .oneOff, "社会保险法 38(8); 条例 39"),
            ("ASSESSMENT_FEE", "劳动能力鉴定费", .perClaim, "社会保险法 38(9)"),
            ("WAGE_CONTINUATION", "停工留薪期工资福利", .monthly, "社会保险法 39(1); 条例 33"),
            ("DISABILITY_MONTHLY_5_6", "五、六级伤残津贴", .monthly, "社会保险法 39(2); 条例 36"),
            ("EMPLOYMENT_LUMP", "一次性伤残就业补助金", .oneOff, "社会保险法 39(3); 条例 36–37"),
        ]
        let list = ItemList()
        for (code, name, paidAs, basis) in expected {
            let item = try #require(list.item(code))
            #expect(item.name == name)
            #expect(item.paidAs == paidAs)
            #expect(item.basis == basis)
        }
    }

    @Test("rules.md §1: a province adds an item with its basis; it is listed after the national items")
    func addition() throws {
        let list = ItemList(provincialRows: [
            BenefitItemRow(itemCode: "ZJ_HEAT", name: "高温津贴", payer: .fund, basis: "省政府令 88", status: .active)
        ])
        let item = try #require(list.item("ZJ_HEAT"))
        #expect(!item.isNational)
        #expect(item.basis == "省政府令 88")
        #expect(item.status == .active)
        #expect(item.paidAs == .perClaim)
        #expect(list.items.count == 18)
        #expect(list.items.last?.code == "ZJ_HEAT")
        #expect(list.provincialAdditions.map(\.code) == ["ZJ_HEAT"])
        #expect(list.isActive("ZJ_HEAT"))
    }

    @Test("R01: an addition without a basis (empty or blank) is 自行制定", arguments: [nil, "", "  "])
    func missingBasis(basis: String?) throws {
        let list = ItemList(provincialRows: [
            BenefitItemRow(itemCode: "X_GIFT", name: "慰问金", payer: .fund, basis: basis, status: .active)
        ])
        let item = try #require(list.item("X_GIFT"))
        #expect(item.basis == nil)
        #expect(item.isSelfMade)
        #expect(item.basisText == "自行制定")
    }

    @Test("rules.md §1: a province retires a national item but cannot rename it or change its payer")
    func retireNational() throws {
        let list = ItemList(provincialRows: [
            BenefitItemRow(itemCode: "TRAVEL", name: "改名", payer: .employer, basis: nil, status: .retired)
        ])
        let item = try #require(list.item("TRAVEL"))
        #expect(item.status == .retired)
        #expect(item.name == "统筹地区以外就医交通食宿费")
        #expect(item.payer == .fund)
        #expect(item.basis == "社会保险法 38(3); 条例 30")
        #expect(item.isNational)
        #expect(!list.isActive("TRAVEL"))
        #expect(list.provincialAdditions.isEmpty)
        #expect(list.retiredNationalItems.map(\.code) == ["TRAVEL"])
        #expect(list.items.count == 17)
    }

    @Test("rules.md §1: an active row with a national code changes nothing")
    func activeNationalRowIgnored() throws {
        let list = ItemList(provincialRows: [
            BenefitItemRow(itemCode: "MED", name: "医疗费（省）", payer: .employer, basis: "x", status: .active)
        ])
        #expect(list.item("MED") == ItemList.nationalItems[0])
        #expect(list.provincialAdditions.isEmpty)
    }

    @Test("rules.md §1: additions are sorted by code, a retired addition stays listed, the last row for a code wins")
    func orderingAndLastRowWins() {
        let list = ItemList(provincialRows: [
            BenefitItemRow(itemCode: "Z_B", name: "乙", payer: .fund, basis: "b", status: .active),
            BenefitItemRow(itemCode: "Z_A", name: "甲", payer: .employer, basis: nil, status: .active),
            BenefitItemRow(itemCode: "Z_B", name: "乙", payer: .fund, basis: "b", status: .retired),
            BenefitItemRow(itemCode: "FUNERAL", name: "丧葬", payer: .fund, basis: nil, status: .retired),
            BenefitItemRow(itemCode: "FUNERAL", name: "丧葬", payer: .fund, basis: nil, status: .active),
        ])
        #expect(list.provincialAdditions.map(\.code) == ["Z_A", "Z_B"])
        #expect(list.items.suffix(2).map(\.code) == ["Z_A", "Z_B"])
        #expect(list.item("Z_B")?.status == .retired)
        #expect(list.item("Z_A")?.payer == .employer)
        #expect(list.item("FUNERAL")?.status == .active)
    }

    @Test("R01: a code that is not on the list is unknown")
    func unknownCode() {
        #expect(ItemList().item("NOT_AN_ITEM") == nil)
        #expect(!ItemList().isActive("NOT_AN_ITEM"))
        #expect(ItemList.nationalItem("MED")?.name == "工伤医疗费")
    }
}
