import Casework
import FundModel
import FundStore

/// The casework figures of the dashboard (总览): overdue determinations and assessments per city, agreements
/// ending within 30 days, open rectification items; each with the page that lists them.
struct CaseworkSummary {
    struct City {
        var name: String
        var determinations: Int
        var assessments: Int
        var href: String
    }
    var cities: [City]
    var hasCities: Bool
    var overdueDeterminations: Int
    var overdueAssessments: Int
    var expiringAgreements: Int
    var openRectifications: Int
    var overdueRectifications: Int

    /// Agreements listed as expiring when they end within this many days.
    static let expiringWithin = 30

    init(environment: ServerEnvironment, principal: Principal, regions: RegionNames) throws {
        let casework = environment.casework
        let today = environment.today
        let scope = principal.caseworkScope
        let lists = try casework.deadlines(scope: scope, asOf: today, withinDays: 0)
        cities = lists.compactMap { list in
            let determinations = list.overdue.filter { $0.subject == .determination }.count
            let assessments = list.overdue.filter { $0.subject == .assessment }.count
            guard determinations + assessments > 0 else { return nil }
            return City(
                name: regions.name(list.regionCode), determinations: determinations, assessments: assessments,
                href: "/casework/due")
        }
        hasCities = !cities.isEmpty
        overdueDeterminations = cities.reduce(0) { $0 + $1.determinations }
        overdueAssessments = cities.reduce(0) { $0 + $1.assessments }
        expiringAgreements = try casework.institutions.expiring(
            scope: scope, asOf: today, withinDays: Self.expiringWithin
        ).count
        let open = try casework.campaigns.openRectifications(scope: scope)
        openRectifications = open.count
        overdueRectifications = open.filter { $0.isOverdue(asOf: today) }.count
    }
}
