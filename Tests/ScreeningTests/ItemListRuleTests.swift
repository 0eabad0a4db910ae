import FundModel
import Screening
import Testing

@Suite("R01 清单外支出")
struct R01Tests {
    static let rows = [
        BenefitItemRow(itemCode: "MEAL", name: "住院伙食补助费", payer: .fund, basis: nil, status: .retired),
        BenefitItemRow(itemCode: "PROV_OK", name: "省增项目", payer: .fund, basis: "某省规定第3条", status: .active),
        BenefitItemRow(itemCode: "PROV_SELF", name: "自定项目", payer: .fund, basis: " ", status: .active),
        BenefitItemRow(itemCode: "PROV_OLD", name: "旧项目", payer: .fund, basis: "某省规定", status: .retired),
    ]

    @Test("off the list or retired: red; a provincial item without basis: orange; listed items: nothing")
    func standing() async {
        let payments = ["MED", "XYZ", "MEAL", "PROV_OK", "PROV_SELF", "PROV_OLD"].map {
            Fixture.payment($0, item: $0)
        }
        let data = Fixture.dataSet(payments: payments) { $0.benefitItems = Self.rows }
        let report = await screen(data, ["R01"])
        #expect(report.severities("R01") == ["XYZ": .red, "MEAL": .red, "PROV_SELF": .orange, "PROV_OLD": .red])
        #expect(report.findings.first { $0.subjectID == "XYZ" }?.evidence == ["XYZ"])
    }

    @Test("without benefit_items.csv the national list applies")
    func nationalOnly() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment("A", item: "MEAL"), Fixture.payment("B", item: "PROV_OK"),
        ])
        #expect(await screen(data, ["R01"]).severities("R01") == ["B": .red])
    }

    @Test("real time: a code the snapshot never saw is off the list, like in the batch run")
    func realTime() async {
        let data = Fixture.dataSet(payments: []) { $0.benefitItems = Self.rows }
        for (code, expected) in [("NEVER_SEEN", Severity.red), ("PROV_SELF", .orange), ("DEVICE", nil)]
            as [(String, Severity?)]
        {
            let (realTime, batch) = await realTimeAgreesWithBatch(
                data, candidate: Fixture.payment("NEW", item: code), rule: "R01")
            #expect(realTime == batch)
            #expect(realTime.first?.severity == expected)
        }
    }
}

@Suite("R02 单位负担项目由基金支付")
struct R02Tests {
    @Test("employer items (national or provincial) paid by the fund fire red")
    func employerItems() async {
        let payments = ["WAGE_CONTINUATION", "DISABILITY_MONTHLY_5_6", "EMPLOYMENT_LUMP", "MED", "PROV_EMP", "UNKNOWN"]
            .map {
                Fixture.payment($0, item: $0)
            }
        let data = Fixture.dataSet(payments: payments) {
            $0.benefitItems = [
                BenefitItemRow(itemCode: "PROV_EMP", name: "单位项目", payer: .employer, basis: "x", status: .active)
            ]
        }
        let report = await screen(data, ["R02"])
        #expect(
            report.severities("R02") == [
                "WAGE_CONTINUATION": .red, "DISABILITY_MONTHLY_5_6": .red, "EMPLOYMENT_LUMP": .red, "PROV_EMP": .red,
            ])
        let (realTime, batch) = await realTimeAgreesWithBatch(
            data, candidate: Fixture.payment("NEW", item: "WAGE_CONTINUATION"), rule: "R02")
        #expect(realTime.count == 1 && realTime == batch)
    }
}
