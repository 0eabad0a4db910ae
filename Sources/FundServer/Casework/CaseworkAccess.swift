import FundModel
import FundStore

/// Who may do which casework step (docs/decisions.md "FundServer: casework roles").
///
/// The roles are the console's own: no new role was needed. Those who verify
/// findings (admin, supervisor, city handler) handle the files of their
/// region; what binds the whole province (institutions and agreements,
/// opening and steering campaigns, the risk inventory) is for the provincial
/// roles; the auditor reads everything and changes nothing.
extension Role {
    /// Register applications and take the steps of determinations and assessments, draw panels, fill in a
    /// self-inspection, record a spot check, open and close rectification items.
    public var mayHandleCasework: Bool { mayVerify }
    /// Register institutions, sign, suspend, reinstate, terminate and renew agreements; open, advance and close
    /// campaigns and draw their spot checks; edit the risk inventory.
    public var mayManageCasework: Bool { self == .admin || self == .supervisor }
}

extension Principal {
    /// The region the casework registers are filtered on: a city handler's city, `nil` (everything) otherwise.
    var caseworkScope: RegionCode? {
        switch scope {
        case .all: nil
        case .city(let city): city.city
        }
    }
}
