import Foundation
import FundModel

/// The verification of findings (rules.md §4), evidence files and the history of the rules configuration.
///
/// The store applies a step atomically and refuses it if the finding moved
/// meanwhile; which steps are allowed is decided above the store (the server's
/// `VerificationWorkflow`), so a PostgreSQL store only has to keep the rows.
public protocol VerificationRepository: Sendable {
    /// The finding's verification, `nil` if there is no such finding.
    func verificationCase(findingID: String) throws -> VerificationCase?
    /// The history, oldest first.
    func verificationSteps(findingID: String) throws -> [VerificationStep]
    /// Appends the step and sets the finding's state to `updated`, in one transaction.
    ///
    /// - Throws: `VerificationStoreError.statusChanged` when the finding's status is no longer `step.fromStatus`.
    @discardableResult func applyVerification(_ step: VerificationStep, updated: VerificationCase) throws -> Int64

    func addEvidenceFile(
        findingID: String, stepID: Int64?, name: String, contentType: String, data: Data, sha256: String,
        uploadedBy: String, at: Date
    ) throws -> EvidenceFile
    func evidenceFiles(findingID: String) throws -> [EvidenceFile]
    func evidenceFile(id: Int64) throws -> (file: EvidenceFile, data: Data)?

    /// The latest change, i.e. the configuration in force; `nil` while the built-in default is in force.
    func currentRulesConfiguration() throws -> RulesConfigurationChange?
    /// Changes, newest first.
    func rulesConfigurationChanges(limit: Int) throws -> [RulesConfigurationChange]
    @discardableResult func saveRulesConfiguration(_ change: RulesConfigurationChange) throws -> Int64
}
