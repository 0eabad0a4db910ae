import FundModel

/// How often one expert was drawn, and for which employers' workers (专家抽取频次).
///
/// Only current draws count as panels; draws a redraw superseded are counted
/// apart. The employer concentration is rule R18's: 5 or more panels for
/// workers of one employer within 365 days (both ends included), by the day
/// of the draw.
public struct ExpertDrawStats: Sendable, Hashable {
    public struct EmployerCount: Sendable, Hashable {
        public var employerID: String
        public var panels: Int
        /// The most panels for this employer within any 365 days.
        public var most365: Int
    }

    public var expertID: String
    public var name: String
    public var specialty: String?
    public var institutionID: String?
    public var regionCode: RegionCode
    /// Current panels the expert sits on.
    public var panels: Int
    /// Draws the expert was on that a redraw replaced.
    public var superseded: Int
    /// Times the expert had to stand aside.
    public var excluded: Int
    /// Per employer, the most panels first.
    public var employers: [EmployerCount]

    /// R18: the threshold of panels for one employer within 365 days.
    public static let concentrationThreshold = 5

    /// Whether an employer reaches the R18 concentration.
    public var concentrated: Bool { employers.contains { $0.most365 >= Self.concentrationThreshold } }

    static func compute(draws: [PanelDraw], experts: [Expert], from: Day, to: Day) -> [ExpertDrawStats] {
        var stats: [String: ExpertDrawStats] = [:]
        for expert in experts {
            stats[expert.expertID] = ExpertDrawStats(
                expertID: expert.expertID, name: expert.name, specialty: expert.specialty,
                institutionID: expert.institutionID, regionCode: expert.regionCode, panels: 0, superseded: 0,
                excluded: 0, employers: [])
        }
        var employerDays: [String: [String: [Day]]] = [:]
        for draw in draws where from <= draw.act.day && draw.act.day <= to {
            for expertID in draw.drawn where stats[expertID] != nil {
                if draw.superseded {
                    stats[expertID]!.superseded += 1
                } else {
                    stats[expertID]!.panels += 1
                    employerDays[expertID, default: [:]][draw.employerID ?? "（无单位）", default: []].append(draw.act.day)
                }
            }
            for exclusion in draw.excluded where stats[exclusion.expertID] != nil {
                stats[exclusion.expertID]!.excluded += 1
            }
        }
        for (expertID, byEmployer) in employerDays {
            stats[expertID]!.employers = byEmployer.map { employer, days in
                EmployerCount(employerID: employer, panels: days.count, most365: mostWithin(days, span: 365))
            }.sorted { ($1.panels, $0.employerID) < ($0.panels, $1.employerID) }
        }
        return stats.values.sorted { ($1.panels, $0.expertID) < ($0.panels, $1.expertID) }
    }

    /// The most days within any `span` calendar days, both ends included.
    static func mostWithin(_ days: [Day], span: Int) -> Int {
        let sorted = days.sorted()
        var best = 0
        var start = 0
        for end in sorted.indices {
            while sorted[start].distance(to: sorted[end]) > span - 1 { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }
}
