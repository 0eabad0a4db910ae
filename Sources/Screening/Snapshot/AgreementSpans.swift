import FundModel

/// Each agreement's coverage as integers: R09 asks, for millions of payments, whether one of an
/// institution's agreements covers a service on a day.
///
/// Asking the `Agreement` records copied each one, strings and all, for every payment; a span is
/// twelve bytes and the test is three comparisons and a mask (rules.md §5 R09: `active` and
/// `start_date ≤ date ≤ end_date`, for the service).
struct AgreementSpan: Sendable {
    /// A bit per `InstitutionKind` the agreement covers; 0 when it is not active.
    let services: UInt8
    let start: Int32
    let end: Int32

    init(_ agreement: Agreement) {
        services =
            agreement.status == .active ? agreement.services.reduce(0) { $0 | Self.bit($1) } : 0
        start = agreement.startDate.ordinal
        end = agreement.endDate.ordinal
    }

    /// `Agreement.covers(_:on:)`.
    @inline(__always)
    func covers(_ service: InstitutionKind, on day: Int32) -> Bool {
        services & Self.bit(service) != 0 && start <= day && day <= end
    }

    @inline(__always)
    static func bit(_ kind: InstitutionKind) -> UInt8 {
        switch kind {
        case .medical: 1
        case .rehab: 2
        case .assistive: 4
        }
    }
}
