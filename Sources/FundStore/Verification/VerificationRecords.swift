import Foundation
import FundModel

/// What a person did to a finding in its verification (rules.md §4).
public enum VerificationAction: String, CodedValue {
    /// 分派: to a person of the finding's region (again, to reassign).
    case assign
    /// 开始核查.
    case start
    /// 核查正常: nothing wrong.
    case clear
    /// 认定违规: money to recover.
    case irregular
    /// 认定欺诈骗保: referred to public security, recovery and the 2–5× fine of 条例 60.
    case fraud
    /// 登记追回: money back to the fund (may be partial).
    case recover
    /// 办结.
    case close
    /// 补充说明 or an evidence file, without a change of status.
    case note

    public var chineseName: String {
        switch self {
        case .assign: "分派"
        case .start: "开始核查"
        case .clear: "核查正常"
        case .irregular: "认定违规"
        case .fraud: "认定欺诈骗保"
        case .recover: "登记追回"
        case .close: "办结"
        case .note: "补充说明"
        }
    }
}

/// Where a finding's verification stands, besides its status.
public struct VerificationCase: Sendable, Hashable {
    public var findingID: String
    public var status: FindingStatus
    public var assigneeID: Int64?
    public var assigneeName: String?
    /// Irregular or fraud: the amount the fund must get back.
    public var amountToRecover: Money?
    /// Fraud: the fine decided (2–5× the amount defrauded, 条例 60).
    public var fine: Money?
    /// Recovered so far.
    public var recovered: Money
    /// Fraud: the referral to public security (e.g. its file number).
    public var referral: String?
    /// The number of steps recorded so far: a form or an API client sends the version it saw, and a step
    /// on a finding that has moved since is refused (compare-and-set, issue 11 #3).
    public var version: Int

    public init(
        findingID: String, status: FindingStatus, assigneeID: Int64? = nil, assigneeName: String? = nil,
        amountToRecover: Money? = nil, fine: Money? = nil, recovered: Money = .zero, referral: String? = nil,
        version: Int = 0
    ) {
        self.findingID = findingID
        self.status = status
        self.assigneeID = assigneeID
        self.assigneeName = assigneeName
        self.amountToRecover = amountToRecover
        self.fine = fine
        self.recovered = recovered
        self.referral = referral
        self.version = version
    }

    /// What is still to recover (never negative).
    public var outstanding: Money {
        guard let due = amountToRecover else { return .zero }
        return due > recovered ? due - recovered : .zero
    }
}

/// One step of the history of a finding.
public struct VerificationStep: Sendable, Hashable {
    public var id: Int64
    public var findingID: String
    public var at: Date
    public var userID: Int64?
    public var userName: String
    public var action: VerificationAction
    public var fromStatus: FindingStatus
    public var toStatus: FindingStatus
    public var assigneeName: String?
    /// The amount of the step: to recover (irregular, fraud) or recovered (recover).
    public var amount: Money?
    public var fine: Money?
    public var reason: String
    public var remoteAddress: String

    public init(
        id: Int64 = 0, findingID: String, at: Date = Date(), userID: Int64?, userName: String,
        action: VerificationAction, fromStatus: FindingStatus, toStatus: FindingStatus, assigneeName: String? = nil,
        amount: Money? = nil, fine: Money? = nil, reason: String, remoteAddress: String
    ) {
        self.id = id
        self.findingID = findingID
        self.at = at
        self.userID = userID
        self.userName = userName
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.assigneeName = assigneeName
        self.amount = amount
        self.fine = fine
        self.reason = reason
        self.remoteAddress = remoteAddress
    }
}

/// An evidence file of a finding (the bytes are loaded only when downloaded).
public struct EvidenceFile: Sendable, Hashable {
    public var id: Int64
    public var findingID: String
    public var stepID: Int64?
    public var name: String
    public var contentType: String
    public var size: Int
    /// Hex SHA-256 of the bytes, so a copy can be checked against the register.
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(
        id: Int64, findingID: String, stepID: Int64?, name: String, contentType: String, size: Int, sha256: String,
        uploadedBy: String, uploadedAt: Date
    ) {
        self.id = id
        self.findingID = findingID
        self.stepID = stepID
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// A change of the rules configuration in force.
public struct RulesConfigurationChange: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var userID: Int64?
    public var userName: String
    public var reason: String
    public var oldYAML: String
    public var newYAML: String

    public init(
        id: Int64 = 0, at: Date = Date(), userID: Int64?, userName: String, reason: String, oldYAML: String,
        newYAML: String
    ) {
        self.id = id
        self.at = at
        self.userID = userID
        self.userName = userName
        self.reason = reason
        self.oldYAML = oldYAML
        self.newYAML = newYAML
    }
}

/// A verification step refused by the store.
public enum VerificationStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFinding(String)
    /// Someone else moved the finding meanwhile: its status is no longer the one the step started from.
    case statusChanged(expected: FindingStatus, found: FindingStatus)
    /// Someone else recorded a step meanwhile: the version the client saw is stale.
    case versionChanged(expected: Int, found: Int)

    public var description: String {
        switch self {
        case .versionChanged(let expected, let found):
            "疑点已被他人更新（您看到的是第 \(expected) 版，现为第 \(found) 版），请刷新后重试 the finding changed meanwhile"
        case .unknownFinding(let id): "疑点不存在 no such finding: \(id)"
        case .statusChanged(let expected, let found):
            "疑点状态已被他人更改（应为\(expected.chineseName)，现为\(found.chineseName)） the finding's status changed meanwhile"
        }
    }
}
