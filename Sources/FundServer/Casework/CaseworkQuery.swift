import FundModel
import Hummingbird

/// The query of a register's list, read alike by the console pages and `/api/v1/casework`, so that the same
/// address filters the same way and a bad value gets the same 422 in both.
extension CaseworkFields {
    /// The fields of the request's query string.
    init(query request: Request) { self.init(RequestForm.query(request.uri.query)) }

    /// `state`: a register's state filter; absent for every state.
    mutating func stateFilter<S: CodedValue>() -> S? { optionalCode("state", "状态") }

    /// `days` of the deadline view (逾期与即将到期): 7 unless given, at most a year.
    mutating func deadlineDays() -> Int { days(default: 7, upTo: 365) }

    /// `days` of the agreements expiring soon (即将到期的协议): 60 unless given, at most ten years.
    mutating func expiryDays() -> Int { days(default: 60, upTo: 3650) }

    private mutating func days(default fallback: Int, upTo most: Int) -> Int {
        optional("days") == nil ? fallback : int("days", "天数", in: 0...most) ?? fallback
    }
}
