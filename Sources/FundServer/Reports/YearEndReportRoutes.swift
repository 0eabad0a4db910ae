import FundApp
import FundModel
import FundStore
import Hummingbird
import NIOCore
import Screening

/// 年终情况报告: the year-end report to the ministry (issue 14 item 4), as a page to read, print (the print
/// stylesheet makes the browser's "print to PDF" a clean document) and copy tables from.
///
/// The report is the province's: only a user who sees the whole province draws it up; a city user gets 403.
/// Every section says which rows it was taken over, and its figures link to the lists they came from.
struct YearEndReportRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/reports/year-end") { request, context in try page(request, context) }
        router.get("/reports/year-end.docx") { request, context in try docx(request, context) }
        router.get("/reports/year-end.xlsx") { request, context in try xlsx(request, context) }
    }

    /// The year asked for, or the last full year (China time); a bad value is a 400 naming the field.
    static func year(_ form: RequestForm, today: Day) throws -> Int {
        guard let text = form["year"], !text.isEmpty else { return today.year - 1 }
        let years = YearEndReport.years
        guard text.count == 4, let year = Int(text), years.contains(year) else {
            throw AppError(
                .badRequest, code: "invalid_year",
                message: "年份须为 \(years.lowerBound) 至 \(years.upperBound) 之间的四位数字：\(text)")
        }
        return year
    }

    /// The report's document: FundApp's nine sections, then the cities' evaluation of the year's last run with
    /// indicator figures (评价考核, scored by the scheme in force; it lives with the console's evaluation page).
    /// The page, the .docx and the .xlsx are all written from this one document.
    func document(_ report: YearEndReport) throws -> ReportDocument {
        var document = report.document()
        let configuration = try RulesConfiguration.inForce(in: environment.store)
        let runID = try environment.store.indicatorRuns(limit: 1_000).first { $0.asOf.year == report.year }?.runID
        let regions = try RegionNames(store: environment.store)
        guard let runID,
            let evaluation = try CityEvaluation.make(
                store: environment.store, scheme: configuration.evaluation, dueDays: configuration.dueDays,
                runID: runID)
        else {
            document.sections.append(
                ReportDocument.Section(
                    heading: "十、地市评价考核", blocks: [.paragraph("当年没有可评价的筛查（评价依据每次筛查保存的指标数据）。")],
                    source: "评价考核方案（规则与阈值中的 evaluation 一节）"))
            return document
        }
        let hasPrevious = evaluation.previous != nil
        let rows: [[ReportDocument.Cell]] = evaluation.cities.map { city in
            [
                .count(city.rank), .text(regions.name(city.region)), .text(city.total.map { "\($0)" } ?? "—"),
                .text(city.previousTotal.map { "\($0)" } ?? "—"),
                .text(EvaluationRoutes.change(city, hasPrevious: hasPrevious)),
                .text(city.lines.map { "\($0.name) \($0.score.map(String.init) ?? "不计分")" }.joined(separator: "；")),
            ]
        }
        document.sections.append(
            ReportDocument.Section(
                heading: "十、地市评价考核",
                blocks: [
                    .table(
                        ReportDocument.Table(
                            name: "地市评价", head: ["名次", "地市", "总分", "上期总分", "名次变化", "各项得分"], rows: rows))
                ],
                source:
                    "第 \(evaluation.period.runID) 次筛查（\(evaluation.period.asOf.iso)）保存的指标数据与疑点核查情况，按现行评价考核方案计分；上期为此前最近一个参考月的筛查"
            ))
        return document
    }

    /// The report of the year asked for, drawn up today, for a province user only.
    func report(_ request: Request, _ context: FundRequestContext) throws -> YearEndReport {
        let principal = try context.requirePrincipal()
        guard principal.scope == .all else {
            throw AppError(.forbidden, code: "forbidden", message: "年终情况报告由省级用户编制，地市用户请查看本市的总览与清单")
        }
        let today = Formatting.today(environment.now())
        let year = try Self.year(RequestForm.query(request.uri.query), today: today)
        return try YearEndReport.make(year: year, drawnUp: today, store: environment.store)
    }

    func page(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let report = try report(request, context)
        try environment.audit(context, "view.report", targetType: "year_end_report", targetID: String(report.year))
        return environment.renderer.page(
            "yearEndReport", YearEndReportModel(report, document: try document(report)), title: report.title,
            active: "reports", context: context)
    }

    /// The .docx the ministry receives (the same document as the page).
    func docx(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let report = try report(request, context)
        let data = try DocxWriter.data(try document(report))
        try environment.audit(context, "export.report", targetType: "year_end_report", targetID: String(report.year))
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        headers[.contentDisposition] =
            "attachment; filename=\"year-end-report-\(report.year).docx\"; filename*=UTF-8''"
            + HTMLText.urlEncode(report.title + ".docx")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The report's tables as a workbook, a sheet each (numbers as numbers), for those who copy them on.
    func xlsx(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let report = try report(request, context)
        let data = try XLSXWriter.data(try document(report).sheets)
        try environment.audit(
            context, "export.report", targetType: "year_end_report", targetID: String(report.year), detail: "xlsx")
        var headers = HTTPFields()
        headers[.contentType] = XLSXWriter.contentType
        headers[.contentDisposition] =
            "attachment; filename=\"year-end-report-\(report.year).xlsx\"; filename*=UTF-8''"
            + HTMLText.urlEncode(report.title + ".xlsx")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
