import Foundation
import FundModel
import FundStore
import Hummingbird

/// 数据导入: upload a data set's interchange CSV files, import them with the same Importer as the
/// command line (same validation, same report), then screen.
struct ImportRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/imports") { request, context in try page(request, context) }
        router.post("/imports") { request, context in try await upload(request, context) }
        router.post("/screenings") { request, context in try await screen(request, context) }
    }

    struct RunRow {
        var id: Int64
        var at: String
        var user: String
        var source: String
        var imported: Int
        var rejected: Int
        var files: String
    }

    struct ScreeningRow {
        var id: Int64
        var at: String
        var asOf: String
        var raised: Int
        var new: Int
        var noLonger: Int
    }

    /// A field on which an imported row disagrees with the register (the register's value stands).
    struct ConflictRow {
        var file: String
        var id: String
        var field: String
        var imported: String
        var register: String
    }

    struct FileRow {
        var file: String
        var read: Int
        var imported: Int
        var replaced: Int
        var rejected: Int
    }

    struct Model {
        var csrf: String
        var asOf: String
        var runs: [RunRow]
        var hasRuns: Bool
        var screenings: [ScreeningRow]
        var hasScreenings: Bool
        var report: String?
        var reportFiles: [FileRow]
        var hasReportFiles: Bool
        var reportWarnings: [String]
        var registerConflicts: [ConflictRow]
        var hasRegisterConflicts: Bool
        var failure: String?
        var errors: [String]
        var hasErrors: Bool
        var knownFiles: String
    }

    func importer(_ context: FundRequestContext) throws -> Principal {
        let principal = try context.requirePrincipal()
        guard principal.role.mayImport else { throw AppError.forbidden }
        return principal
    }

    func page(
        _ request: Request, _ context: FundRequestContext, summary: ImportSummary? = nil, failure: String? = nil,
        errors: [String] = [], flash: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        _ = try importer(context)
        let store = environment.store
        let runs = try store.importRuns(limit: 20).map { run in
            RunRow(
                id: run.id, at: Formatting.moment(run.startedAt), user: run.user ?? "", source: run.source,
                imported: run.rowsImported, rejected: run.rowsRejected,
                files: run.files.map { "\($0.file) \($0.rowsImported)" }.joined(separator: "，"))
        }
        let screenings = try store.screeningRuns(limit: 10).map { run in
            ScreeningRow(
                id: run.id, at: Formatting.moment(run.startedAt), asOf: run.asOf.iso, raised: run.summary.raised,
                new: run.summary.new, noLonger: run.summary.noLongerRaised)
        }
        let files =
            summary?.files.map {
                FileRow(
                    file: $0.file, read: $0.rowsRead, imported: $0.rowsImported, replaced: $0.rowsReplaced,
                    rejected: $0.rowsRejected)
            } ?? []
        let model = Model(
            csrf: context.csrfToken ?? "", asOf: (try ScreeningService(environment: environment).defaultAsOf()).iso,
            runs: runs, hasRuns: !runs.isEmpty, screenings: screenings, hasScreenings: !screenings.isEmpty,
            report: summary?.text, reportFiles: files, hasReportFiles: !files.isEmpty,
            reportWarnings: summary?.warnings ?? [],
            registerConflicts: (summary?.registerConflicts ?? []).map {
                ConflictRow(
                    file: $0.table.fileName, id: $0.id, field: $0.field, imported: $0.imported, register: $0.register)
            }, hasRegisterConflicts: !(summary?.registerConflicts.isEmpty ?? true), failure: failure, errors: errors,
            hasErrors: !errors.isEmpty,
            knownFiles: Table.allCases.map(\.fileName).joined(separator: "、"))
        return environment.renderer.page(
            "imports", model, title: "数据导入", active: "/imports", context: context, flash: flash, status: status)
    }

    /// The checks on an upload before anything is imported: names of interchange files, no duplicates.
    static func uploadProblems(_ files: [RequestForm.File], lenient: String) -> [String] {
        // `<table>.csv` (UTF-8 or GB18030) or an Excel workbook `<table>.xlsx` (its first sheet).
        let known = Set(Table.allCases.map(\.fileName) + Table.allCases.map { $0.rawValue + ".xlsx" })
        var errors: [String] = []
        if files.isEmpty { errors.append("请选择要导入的 CSV 文件（或 Excel 文件）") }
        var seen = Set<String>()
        for file in files {
            if !known.contains(file.fileName) {
                errors.append(
                    "不是交换格式的文件名：\(file.fileName)（应为 \(Table.allCases.map(\.fileName).prefix(4).joined(separator: "、")) 等）"
                )
            }
            if !seen.insert(file.fileName).inserted { errors.append("文件重复：\(file.fileName)") }
        }
        if lenient != "0" && lenient != "1" { errors.append("宽松模式须为 0 或 1") }
        return errors
    }

    /// Imports the uploaded files with the command line's Importer, off the request threads, and audits it.
    static func runImport(
        _ files: [RequestForm.File], lenient: Bool, principal: Principal, environment: ServerEnvironment,
        context: FundRequestContext
    ) async throws -> Result<ImportSummary, ImportError> {
        // The uploaded files are kept beside the database, one folder per import, as the record of
        // what was imported (the import run names the folder); a rejected import's folder is removed.
        let stamp = Formatting.moment(environment.now()).replacingOccurrences(of: " ", with: "_")
            .replacingOccurrences(of: ":", with: "")
        let base = URL(fileURLWithPath: (environment.store.path as NSString).deletingLastPathComponent)
            .appendingPathComponent("uploads")
        var directory = base.appendingPathComponent("\(stamp)-\(principal.user.name)")
        var n = 1
        while FileManager.default.fileExists(atPath: directory.path) {
            n += 1
            directory = base.appendingPathComponent("\(stamp)-\(principal.user.name)-\(n)")
        }
        // Personal data: the folders are the owner's only (0700), the files too (0600).
        try OwnerOnlyFiles.createDirectory(directory.path)
        for file in files {
            try OwnerOnlyFiles.write(file.data, to: directory.appendingPathComponent(file.fileName).path)
        }
        // Lenient mode's rejects files are kept beside the database, as with the command line.
        let rejects = (environment.store.path as NSString).deletingLastPathComponent + "/import-rejects"
        let options = ImportOptions(lenient: lenient, rejectsDirectory: rejects, user: principal.user.name)
        let importer = Importer(store: environment.store)
        let path = directory.path
        let result: Result<ImportSummary, any Error> = await Task.detached {
            Result { try importer.importDirectory(path, options: options) }
        }.value
        let names = files.map(\.fileName).joined(separator: "、")
        switch result {
        case .success(let summary):
            environment.metrics.count("import_run")
            try environment.audit(
                context, "import", targetType: "import", targetID: String(summary.runID),
                detail: "导入 \(summary.rowsImported) 行，拒绝 \(summary.rowsRejected) 行：\(names)")
            return .success(summary)
        case .failure(let error as ImportError):
            try? FileManager.default.removeItem(at: directory)
            try environment.audit(
                context, "import", targetType: "import", outcome: "failed", detail: "\(error.issueCount) 个问题：\(names)")
            return .failure(error)
        case .failure(let error):
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    func upload(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try importer(context)
        let form = context.form ?? RequestForm()
        let files = form.files.filter { $0.field == "files" }
        let lenient = form["lenient"] ?? "0"
        let errors = Self.uploadProblems(files, lenient: lenient)
        guard errors.isEmpty else {
            try environment.audit(
                context, "import", targetType: "import", outcome: "failed", detail: errors.joined(separator: "；"))
            return try page(request, context, errors: errors, status: .unprocessableContent)
        }
        switch try await Self.runImport(
            files, lenient: lenient == "1", principal: principal, environment: environment, context: context)
        {
        case .success(let summary):
            return try page(request, context, summary: summary, flash: "导入完成：\(summary.rowsImported) 行")
        case .failure(let error):
            return try page(request, context, failure: error.text(limit: 100), status: .unprocessableContent)
        }
    }

    /// Starts a screening run as a background job and answers with its page (`JobRoutes`).
    func screen(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try importer(context)
        let form = context.form ?? RequestForm()
        guard let text = form["as_of"], let asOf = Day(iso: text) else {
            return try page(request, context, errors: ["筛查日期须为 YYYY-MM-DD"], status: .unprocessableContent)
        }
        let job = JobRoutes.startScreening(asOf: asOf, principal: principal, context: context, environment: environment)
        return await JobRoutes.answer(job, environment: environment)
    }
}
