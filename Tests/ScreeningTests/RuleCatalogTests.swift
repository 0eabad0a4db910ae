import FundModel
import Screening
import Testing

/// The catalogue is derived from the specs the rule types declare (issue 12: one spec per rule, on the rule type).
@Suite("Rule catalogue")
struct RuleCatalogTests {
    @Test("report order: DQ01, R01–R27, I01–I09; each id once")
    func reportOrder() {
        let expected = ["DQ01"] + (1...27).map { "R" + ($0 < 10 ? "0" : "") + "\($0)" } + (1...9).map { "I0\($0)" }
        #expect(RuleCatalog.all.map(\.id) == expected)
        #expect(RuleCatalog.rules.map(\.id) == Array(expected.prefix(28)))
        #expect(RuleCatalog.indicators.map(\.id) == Array(expected.suffix(9)))
        #expect(Set(ScreeningRules.all.map(\.id)).count == ScreeningRules.all.count)
    }

    @Test("a rule held as `any ScreeningRule` reports its type's spec, and the catalogue holds the same")
    func specOnTheType() {
        #expect(R10AboveStatutoryAmount.spec.name == "超标准支付")
        #expect(R10AboveStatutoryAmount.spec.isRealTime)
        #expect(!R07MedicalInsuranceDuplicate.spec.isRealTime)
        for rule in ScreeningRules.all {
            let listed = RuleCatalog.spec(rule.id)
            #expect(listed?.name == rule.spec.name && listed?.tables == rule.spec.tables)
            #expect(rule.spec.id == type(of: rule).spec.id)
        }
        #expect(RuleCatalog.spec("I07")?.kind == .indicator)
        #expect(RuleCatalog.spec("R28") == nil)
    }
}
