import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening
import Settlement

/// Direct settlement in the server (issue 13): the institutions' API and the console's pages over one
/// `SettlementService`. Registered by one line in `FundServer.makeRouter`.
enum SettlementRoutes {
    static func register(on router: Router<FundRequestContext>, environment: ServerEnvironment) {
        let store = environment.store
        let service = SettlementService(
            store: store, now: environment.now, configuration: { try RulesConfiguration.inForce(in: store) })
        SettlementAPIRoutes(environment: environment, service: service).register(on: router)
        SettlementConsoleRoutes(environment: environment, service: service).register(on: router)
    }
}
