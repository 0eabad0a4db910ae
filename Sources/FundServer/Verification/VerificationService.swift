import Foundation
import FundModel
import FundStore

/// Performs verification steps for the pages and the API alike: reads the fields, asks the
/// workflow, writes the step, the audit line and the metrics.
struct VerificationService {
    let environment: ServerEnvironment

    /// The step as the workflow sees it, from form fields (`action`, `assignee`, `amount`, `fine`, `referral`, `reason`).
    func request(from form: RequestForm) throws(VerificationWorkflow.Refusal) -> VerificationWorkflow.Request {
        var problems: [String: String] = [:]
        guard let actionText = form["action"], let action = VerificationAction(rawValue: actionText) else {
            throw VerificationWorkflow.Refusal(fields: ["action": "未知的核查操作：\(form["action"] ?? "（空）")"])
        }
        var assignee: UserAccount?
        if action == .assign, let text = form["assignee"] {
            if let id = Int64(text), let user = try? environment.store.user(id: id) {
                assignee = user
            } else {
                problems["assignee"] = "核查人不存在"
            }
        }
        func money(_ field: String, _ label: String) -> Money? {
            guard let text = form[field] else { return nil }
            guard let value = Formatting.parseYuan(text) else {
                problems[field] = "\(label)须为金额（元，最多两位小数）"
                return nil
            }
            return value
        }
        let amount = [.irregular, .fraud, .recover].contains(action) ? money("amount", "金额") : nil
        let fine = action == .fraud ? money("fine", "罚款") : nil
        guard problems.isEmpty else { throw VerificationWorkflow.Refusal(fields: problems) }
        return VerificationWorkflow.Request(
            action: action, assignee: assignee, amount: amount, fine: fine, referral: form["referral"],
            reason: form["reason"] ?? "")
    }

    /// The version of the finding's verification the person saw (`version` field), if sent.
    static func version(from form: RequestForm) throws(VerificationWorkflow.Refusal) -> Int? {
        guard let text = form["version"] else { return nil }
        guard text.utf8.count <= 12, let version = Int(text), version >= 0 else {
            throw VerificationWorkflow.Refusal(fields: ["version": "版本号须为非负整数（收到 \(text.prefix(20))）"])
        }
        return version
    }

    @discardableResult
    func perform(form: RequestForm, finding stored: StoredFinding, principal: Principal, context: FundRequestContext)
        throws -> VerificationStep
    {
        let wanted = try request(from: form)
        return try perform(
            wanted, finding: stored, principal: principal, context: context, expectedVersion: Self.version(from: form))
    }

    /// Performs a step: the finding's state is read, the workflow asked and the step written in one store
    /// transaction, so that concurrent steps never act on a stale state (a lost `recover`); with
    /// `expectedVersion`, a step on a finding that changed since the person saw it is a 409.
    @discardableResult
    func perform(
        _ wanted: VerificationWorkflow.Request, finding stored: StoredFinding, principal: Principal,
        context: FundRequestContext, expectedVersion: Int? = nil
    ) throws -> VerificationStep {
        let store = environment.store
        let findingID = stored.finding.findingID
        var before: FindingStatus = stored.status
        let step: VerificationStep
        do {
            step = try store.applyVerification(findingID: findingID, expectedVersion: expectedVersion) { state in
                before = state.status
                let outcome = try VerificationWorkflow.apply(wanted, to: state, finding: stored.finding, by: principal)
                let step = VerificationStep(
                    findingID: findingID, at: environment.now(), userID: principal.user.id,
                    userName: principal.user.displayName, action: wanted.action, fromStatus: state.status,
                    toStatus: outcome.toStatus,
                    assigneeName: wanted.action == .assign ? outcome.updated.assigneeName : nil,
                    amount: wanted.amount, fine: wanted.action == .fraud ? wanted.fine : nil, reason: wanted.reason,
                    remoteAddress: context.clientAddress)
                return (step, outcome.updated)
            }
        } catch let error as VerificationWorkflow.Refusal {
            try environment.audit(
                context, "verification.\(wanted.action.rawValue)", targetType: "finding", targetID: findingID,
                outcome: error.forbidden ? "denied" : "failed", detail: error.message)
            throw error
        } catch let error as VerificationStoreError {
            try environment.audit(
                context, "verification.\(wanted.action.rawValue)", targetType: "finding", targetID: findingID,
                outcome: "failed", detail: error.description)
            throw AppError.conflict(error.description)
        }
        var detail = "\(before.chineseName) → \(step.toStatus.chineseName)"
        if let amount = wanted.amount { detail += "；金额 \(amount.yuanString)" }
        if let assignee = step.assigneeName { detail += "；核查人 \(assignee)" }
        if !wanted.reason.isEmpty { detail += "；\(wanted.reason)" }
        try environment.audit(
            context, "verification.\(wanted.action.rawValue)", targetType: "finding", targetID: findingID,
            detail: detail)
        environment.metrics.count("verification_\(wanted.action.rawValue)")
        return step
    }

    /// Stores the uploaded evidence files with a `note` step naming them.
    func upload(form: RequestForm, finding stored: StoredFinding, principal: Principal, context: FundRequestContext)
        throws -> [EvidenceFile]
    {
        let files = form.files.filter { $0.field == "file" }
        var problems: [String: String] = [:]
        if files.isEmpty { problems["file"] = "请选择要上传的文件" }
        for file in files {
            if let problem = EvidenceFiles.problem(
                name: file.fileName, size: file.data.count, limit: environment.configuration.maxEvidenceFileSize)
            {
                problems["file"] = problem
            }
        }
        let description = form["description"] ?? ""
        if description.count > VerificationWorkflow.maxReasonLength {
            problems["description"] = "说明不能超过 \(VerificationWorkflow.maxReasonLength) 字"
        }
        guard problems.isEmpty else {
            try environment.audit(
                context, "verification.upload", targetType: "finding", targetID: stored.finding.findingID,
                outcome: "failed", detail: problems.values.sorted().joined(separator: "；"))
            throw VerificationWorkflow.Refusal(fields: problems)
        }
        let names = files.map(\.fileName).joined(separator: "、")
        let reason = "上传证据：\(names)" + (description.isEmpty ? "" : "。\(description)")
        let step = try perform(
            VerificationWorkflow.Request(action: .note, reason: reason), finding: stored, principal: principal,
            context: context, expectedVersion: Self.version(from: form))
        var stored_: [EvidenceFile] = []
        for file in files {
            stored_.append(
                try environment.store.addEvidenceFile(
                    findingID: stored.finding.findingID, stepID: step.id, name: file.fileName,
                    contentType: EvidenceFiles.safeContentType(file.contentType), data: file.data,
                    sha256: SHA256.hex(Array(file.data)), uploadedBy: principal.user.displayName, at: environment.now())
            )
        }
        return stored_
    }
}

/// Which evidence files are accepted and how they are served back.
enum EvidenceFiles {
    static let extensions: Set<String> = [
        "pdf", "ofd", "jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "txt", "csv", "doc", "docx", "xls", "xlsx",
        "zip",
    ]

    static func problem(name: String, size: Int, limit: Int) -> String? {
        let ext = (name as NSString).pathExtension.lowercased()
        if name.isEmpty || name.count > 200 { return "文件名无效" }
        if !extensions.contains(ext) {
            return "不支持的文件类型 .\(ext)（可上传 PDF、OFD、图片、Word、Excel、文本、CSV 或 ZIP）"
        }
        if size == 0 { return "文件 \(name) 为空" }
        if size > limit { return "文件 \(name) 超过 \(limit / (1024 * 1024)) MB" }
        return nil
    }

    /// Only types a browser shows harmlessly; anything else is downloaded as bytes.
    static func safeContentType(_ type: String) -> String {
        let base = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let safe: Set<String> = [
            "application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "text/plain",
            "text/csv",
        ]
        return safe.contains(base) ? base : "application/octet-stream"
    }

    /// `attachment` with the name in RFC 5987 form, so Chinese names survive.
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" }
        )
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(HTMLText.urlEncode(name))"
    }
}
