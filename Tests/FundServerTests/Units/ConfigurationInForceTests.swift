import Foundation
import FundStore
import Screening
import Testing

@testable import FundServer

@Suite("The rules configuration in force (console, API and fundguard screen)")
struct ConfigurationInForceTests {
    @Test func defaultUntilAChangeIsSavedThenTheLatestChange() throws {
        let world = try TestWorld()
        #expect(try RulesConfiguration.inForce(in: world.store).yaml() == RulesConfiguration.default.yaml())

        let draft = RulesConfiguration.default.yaml().replacingOccurrences(of: "MED: 100000", with: "MED: 80000")
        #expect(draft != RulesConfiguration.default.yaml(), "the default must name MED's R03 threshold")
        let changed = try RulesConfiguration(yaml: draft)
        try world.store.saveRulesConfiguration(
            RulesConfigurationChange(
                userID: nil, userName: "test", reason: "R03 MED lowered", oldYAML: RulesConfiguration.default.yaml(),
                newYAML: changed.yaml()))
        let inForce = try RulesConfiguration.inForce(in: world.store)
        #expect(inForce.yaml() == changed.yaml())
        #expect(inForce.yaml() != RulesConfiguration.default.yaml())
    }
}
