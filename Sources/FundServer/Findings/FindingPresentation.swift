import FundModel
import FundStore

/// How a finding appears in lists: the subject masked when it is a person.
enum FindingPresentation {
    /// Subject types whose id is a person's id number.
    static func isPerson(_ type: SubjectType) -> Bool { type == .worker || type == .dependent }

    /// The subject id as a list shows it.
    static func subjectText(_ finding: Finding, revealed: Bool) -> String {
        isPerson(finding.subjectType) && !revealed ? Masking.personID(finding.subjectID) : finding.subjectID
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
