import Casework
import Foundation
import FundModel
import FundRules
import FundStore

extension ServerEnvironment {
    /// The casework registers over the server's store; "today" is the server clock's day in China Standard Time,
    /// so tests that set the clock set the statutory day too.
    var casework: Casework {
        let now = self.now
        return Casework(store: store, today: { Formatting.today(now()) })
    }

    /// Today, as the casework registers count it.
    var today: Day { Formatting.today(now()) }
}

/// Runs casework steps for the pages and the API alike: checks the role, reads who acts and when, turns
/// `CaseworkError` into an HTTP error, and writes the audit log line of every attempt (done, refused, denied).
struct CaseworkService {
    let environment: ServerEnvironment
    let context: FundRequestContext
    let principal: Principal
    /// The calendar the deadlines shown move on: the shipped national days with the imported calendar.csv rows.
    let calendar: WorkingCalendar

    init(environment: ServerEnvironment, context: FundRequestContext) throws {
        self.environment = environment
        self.context = context
        self.principal = try context.requirePrincipal()
        self.calendar = try environment.casework.determinations.workingCalendar()
    }

    var casework: Casework { environment.casework }

    /// Who acts (the signed-in person), on which day (`on`, default today) and why (`reason`).
    func act(_ fields: inout CaseworkFields) -> CaseworkAct {
        let day = fields.optionalDay("on", "办理日期") ?? environment.today
        return CaseworkAct(actor: principal.user.displayName, day: day, reason: fields.optional("reason"))
    }

    /// Refuses (403, audited as denied) when the role may not do the step.
    func require(_ allowed: Bool, _ action: String, targetType: String, targetID: String) throws {
        guard allowed else {
            try environment.audit(
                context, "casework.\(action)", targetType: targetType, targetID: targetID, outcome: "denied",
                detail: "角色\(principal.role.chineseName)无权办理")
            throw AppError.forbidden
        }
    }

    /// Runs a step: `body` reads the fields, calls the register and returns the result and a one-line summary.
    /// A refusal or bad input is audited as failed and rethrown as an `AppError` (nothing was written).
    func perform<T>(
        _ action: String, targetType: String, targetID: String, _ body: () throws -> (T, String)
    ) throws -> T {
        do {
            let (result, detail) = try body()
            try environment.audit(
                context, "casework.\(action)", targetType: targetType, targetID: targetID, detail: detail)
            environment.metrics.count("casework_\(action)")
            return result
        } catch let error as CaseworkError {
            let appError = Self.appError(error)
            try environment.audit(
                context, "casework.\(action)", targetType: targetType, targetID: targetID, outcome: "failed",
                detail: error.message)
            throw appError
        } catch let error as AppError {
            try environment.audit(
                context, "casework.\(action)", targetType: targetType, targetID: targetID, outcome: "failed",
                detail: error.message)
            throw error
        }
    }

    /// 404 not found, 422 invalid input (naming the field when the fault is in the act: `reason`, `on`), 409
    /// refused by the procedure or changed by someone else.
    static func appError(_ error: CaseworkError) -> AppError {
        switch error.kind {
        case .notFound: AppError(.notFound, code: "not_found", message: error.message)
        case .invalid:
            if let field = error.actPart.flatMap(field) {
                AppError.invalid("输入有误：\(field)：\(error.message)", fields: [field: error.message])
            } else {
                AppError.invalid(error.message)
            }
        case .refused: AppError(.conflict, code: "refused", message: error.message)
        case .conflict: AppError.conflict(error.message)
        }
    }

    /// The form field of a part of the act (`CaseworkService.act` reads `on` and `reason`; the actor is the
    /// signed-in person, no field).
    static func field(_ part: CaseworkError.ActPart) -> String? {
        switch part {
        case .day: "on"
        case .reason: "reason"
        case .actor: nil
        }
    }
}
