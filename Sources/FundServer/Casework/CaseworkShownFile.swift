import FundModel

/// What of a file the signed-in person is shown, decided once for the pages and the API alike so that the two
/// cannot disagree about who sees a worker's full ID or which steps are offered.
extension CaseworkService {
    /// A worker's ID: in full on a file's own page or answer (`reveal`) to a role that may see identities, masked
    /// in lists and to everyone else.
    func workerID(_ id: PersonID, reveal: Bool) -> String {
        reveal && principal.role.maySeeIdentity ? id.raw : Masking.personID(id.raw)
    }

    /// The steps of a file offered to this person: those its state allows, none to a role that may not handle
    /// casework (a read-only role sees the file without forms or `allowedActions`).
    func offeredSteps(_ allowed: @autoclosure () -> [String]) -> [String] {
        principal.role.mayHandleCasework ? allowed() : []
    }
}
