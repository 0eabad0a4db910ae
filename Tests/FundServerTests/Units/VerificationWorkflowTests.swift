import Foundation
import FundModel
import FundStore
import Testing

@testable import FundServer

@Suite("Verification workflow (rules.md §4) as a state machine")
struct VerificationWorkflowTests {
    static func user(_ id: Int64, _ role: Role, _ region: String? = nil, active: Bool = true) -> UserAccount {
        UserAccount(
            id: id, name: "u\(id)", displayName: "用户\(id)", role: role, regionCode: region.flatMap { RegionCode($0) },
            passwordHash: "", active: active, createdAt: Date(), passwordChangedAt: Date())
    }
    static func principal(_ user: UserAccount) -> Principal { Principal(user: user, credential: .session) }

    let finding = Finding(
        ruleID: "R05", severity: .red, regionCode: RegionCode("320100")!, subjectType: .payment, subjectID: "P1",
        amount: Money(yuan: 100), detail: "", evidence: [])
    let handler = user(1, .cityHandler, "320100")
    let colleague = user(2, .cityHandler, "320100")
    let otherCity = user(3, .cityHandler, "320200")
    let supervisor = user(4, .supervisor)
    let auditor = user(5, .auditor)

    func request(
        _ action: VerificationAction, assignee: UserAccount? = nil, amount: Money? = nil, fine: Money? = nil,
        referral: String? = nil, reason: String = "理由"
    ) -> VerificationWorkflow.Request {
        .init(action: action, assignee: assignee, amount: amount, fine: fine, referral: referral, reason: reason)
    }

    @Test func fullPathToClosedAfterRecovery() throws {
        var state = VerificationCase(findingID: "F", status: .new)
        let by = Self.principal(supervisor)
        let path: [(VerificationWorkflow.Request, FindingStatus)] = [
            (request(.assign, assignee: handler), .assigned), (request(.start), .verifying),
            (request(.irregular, amount: Money(yuan: 300)), .irregular),
            (request(.recover, amount: Money(yuan: 100)), .irregular),
            (request(.recover, amount: Money(yuan: 200)), .irregular), (request(.close), .closed),
        ]
        for (req, expected) in path {
            let outcome = try VerificationWorkflow.apply(req, to: state, finding: finding, by: by)
            #expect(outcome.toStatus == expected)
            state = outcome.updated
        }
        #expect(state.recovered == Money(yuan: 300))
        #expect(state.outstanding == .zero)
        #expect(state.assigneeName == "用户1")
    }

    @Test func closeNeedsEverythingRecovered() throws {
        let state = VerificationCase(
            findingID: "F", status: .irregular, assigneeID: 1, amountToRecover: Money(yuan: 300),
            recovered: Money(yuan: 100))
        #expect(VerificationWorkflow.actions(for: state, principal: Self.principal(handler)) == [.recover, .note])
        #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(request(.close), to: state, finding: finding, by: Self.principal(handler))
        }
        // Recovering more than is owed is refused.
        #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(
                request(.recover, amount: Money(yuan: 201)), to: state, finding: finding, by: Self.principal(handler))
        }
    }

    @Test func fraudFineIsTwoToFiveTimes() throws {
        let state = VerificationCase(findingID: "F", status: .verifying, assigneeID: 1)
        let by = Self.principal(handler)
        // 1000 yuan defrauded: fines from 2000 to 5000 are lawful (条例 60).
        for (fine, ok) in [(199_999, false), (200_000, true), (500_000, true), (500_001, false)] as [(Int64, Bool)] {
            let req = request(.fraud, amount: Money(yuan: 1000), fine: Money(fen: fine), referral: "公安移送〔2025〕1号")
            if ok {
                let outcome = try VerificationWorkflow.apply(req, to: state, finding: finding, by: by)
                #expect(outcome.toStatus == .fraud)
                #expect(outcome.updated.fine == Money(fen: fine))
                #expect(outcome.updated.referral == "公安移送〔2025〕1号")
            } else {
                let refusal = #expect(throws: VerificationWorkflow.Refusal.self) {
                    try VerificationWorkflow.apply(req, to: state, finding: finding, by: by)
                }
                #expect(refusal?.fields["fine"] != nil)
            }
        }
        let noReferral = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(
                request(.fraud, amount: Money(yuan: 1000), fine: Money(yuan: 2000)), to: state, finding: finding, by: by
            )
        }
        #expect(noReferral?.fields["referral"] != nil)
    }

    @Test func onlyTheAssigneeOrProvinceConcludes() {
        let state = VerificationCase(findingID: "F", status: .verifying, assigneeID: handler.id, assigneeName: "用户1")
        let refusal = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(request(.clear), to: state, finding: finding, by: Self.principal(colleague))
        }
        #expect(refusal?.forbidden == true)
        #expect(VerificationWorkflow.actions(for: state, principal: Self.principal(colleague)) == [.assign, .note])
        #expect(
            VerificationWorkflow.actions(for: state, principal: Self.principal(supervisor))
                == [.assign, .clear, .irregular, .fraud, .note])
    }

    @Test func cityHandlerAssignsOnlyHimselfAndOnlyInHisCity() throws {
        let state = VerificationCase(findingID: "F", status: .new)
        let toColleague = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(
                request(.assign, assignee: colleague), to: state, finding: finding, by: Self.principal(handler))
        }
        #expect(toColleague?.fields["assignee"] == "市级经办只能将疑点分派给自己")
        let toOtherCity = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(
                request(.assign, assignee: otherCity), to: state, finding: finding, by: Self.principal(supervisor))
        }
        #expect(toOtherCity?.fields["assignee"]?.contains("不属于") == true)
        let toAuditor = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(
                request(.assign, assignee: auditor), to: state, finding: finding, by: Self.principal(supervisor))
        }
        #expect(toAuditor?.fields["assignee"] != nil)
        let taken = try VerificationWorkflow.apply(
            request(.assign, assignee: handler), to: state, finding: finding, by: Self.principal(handler))
        #expect(taken.toStatus == .assigned)
        #expect(taken.updated.assigneeID == handler.id)
    }

    @Test func auditorCannotVerify() {
        let state = VerificationCase(findingID: "F", status: .new)
        #expect(VerificationWorkflow.actions(for: state, principal: Self.principal(auditor)).isEmpty)
        let refusal = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(request(.note), to: state, finding: finding, by: Self.principal(auditor))
        }
        #expect(refusal?.forbidden == true)
    }

    @Test func wrongOrderAndMissingReason() {
        let by = Self.principal(supervisor)
        let fresh = VerificationCase(findingID: "F", status: .new)
        #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(request(.clear), to: fresh, finding: finding, by: by)
        }
        let verifying = VerificationCase(findingID: "F", status: .verifying)
        let noReason = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(request(.clear, reason: ""), to: verifying, finding: finding, by: by)
        }
        #expect(noReason?.fields["reason"] != nil)
        let zero = #expect(throws: VerificationWorkflow.Refusal.self) {
            try VerificationWorkflow.apply(request(.irregular, amount: .zero), to: verifying, finding: finding, by: by)
        }
        #expect(zero?.fields["amount"] != nil)
        let closed = VerificationCase(findingID: "F", status: .closed)
        #expect(VerificationWorkflow.actions(for: closed, principal: by) == [.note])
    }
}
