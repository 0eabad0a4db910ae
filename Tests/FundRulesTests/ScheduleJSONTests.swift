import Foundation
import FundModel
import Testing

@testable import FundRules

@Suite("The schedule as JSON (fundguard entitlements --json)")
struct ScheduleJSONTests {
    @Test("amounts are yuan strings with two decimals; monthly items give the monthly amount (条例 35)")
    func shape() throws {
        // Grade 3, own wage 10 000: lump 23 × 10 000 = 230 000.00; monthly 80 % = 8 000.00.
        let schedule = try Fixture.calculator.schedule(for: Fixture.facts(grade: 3))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(schedule.jsonText().utf8)) as? [String: Any])
        #expect(object["case_id"] as? String == "C1")
        #expect(object["bounded_own_wage"] as? String == "10000.00")
        let items = try #require(object["items"] as? [[String: Any]])
        let byCode = Dictionary(uniqueKeysWithValues: items.map { ($0["item_code"] as! String, $0) })
        #expect(byCode["DISABILITY_LUMP"]?["amount"] as? String == "230000.00")
        #expect(byCode["DISABILITY_LUMP"]?["paid_as"] as? String == "one_off")
        #expect(byCode["DISABILITY_MONTHLY"]?["amount"] as? String == "8000.00")
        #expect(byCode["DISABILITY_MONTHLY"]?["paid_as"] as? String == "monthly")
        #expect(byCode["DISABILITY_MONTHLY"]?["payer"] as? String == "fund")
        for item in items {
            for key in ["item_code", "name", "payer", "paid_as", "amount", "basis"] {
                #expect(item[key] is String, "\(key) must be a string")
            }
        }
    }

    @Test("a dependant's row names the dependant (条例 39)")
    func dependants() throws {
        let spouse = Fixture.dependent(1, .spouse)
        let schedule = try Fixture.calculator.schedule(
            for: Fixture.facts(fatal: true, dependents: [spouse]))
        let text = schedule.jsonText()
        #expect(text.contains("\"dependent_id\" : \"\(spouse.dependentID.raw)\""))
        // Spouse 40 % of 10 000.
        #expect(text.contains("\"amount\" : \"4000.00\""))
    }
}
