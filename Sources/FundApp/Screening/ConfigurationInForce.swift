import FundStore
import Screening

extension RulesConfiguration {
    /// The thresholds in force for a database: the latest change saved on the 规则与阈值 page (kept
    /// with who, when and why), else the built-in default.
    ///
    /// One function for the console, the API and `fundguard screen`, so that a threshold changed in the
    /// console applies to every later run, wherever it is started.
    public static func inForce(in store: some VerificationRepository) throws -> RulesConfiguration {
        guard let change = try store.currentRulesConfiguration() else { return .default }
        return try RulesConfiguration(yaml: change.newYAML)
    }
}
