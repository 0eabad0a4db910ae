import FundModel
import FundStore

/// How a finding appears in lists: the subject masked when it is a person.
enum FindingPresentation {
    /// Subject types whose id is a person's id number.
    static func isPerson(_ type: SubjectType) -> Bool { type == .worker || type == .dependent }

    /// The subject id as a list shows it: a person's id number and a bank account masked unless revealed.
    static func subjectText(_ finding: Finding, revealed: Bool) -> String {
        guard !revealed else { return finding.subjectID }
        if isPerson(finding.subjectType) { return Masking.personID(finding.subjectID) }
        if finding.subjectType == .account { return Masking.account(finding.subjectID) }
        return finding.subjectID
    }

    /// The detail line: id numbers (and the account of an account finding) masked unless revealed.
    static func detailText(_ finding: Finding, revealed: Bool) -> String {
        guard !revealed else { return finding.detail }
        var text = Masking.maskIDs(in: finding.detail)
        if finding.subjectType == .account, !finding.subjectID.isEmpty {
            text = text.replacingOccurrences(of: finding.subjectID, with: Masking.account(finding.subjectID))
        }
        return text
    }

    /// The page of the subject, where there is one.
    static func subjectLink(_ finding: Finding) -> String? {
        switch finding.subjectType {
        case .worker: "/workers/" + HTMLText.urlEncode(finding.subjectID)
        case .case: "/cases/" + HTMLText.urlEncode(finding.subjectID)
        default: nil
        }
    }

    static func link(_ finding: Finding) -> String { "/findings/" + HTMLText.urlEncode(finding.findingID) }
}
