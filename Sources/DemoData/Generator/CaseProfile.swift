/// The kind of story a case tells, which decides its treatment, assessment and benefits.
enum CaseProfile: Int, Sendable, CaseIterable {
    /// Grades 1–4: disability lump, monthly allowance for life, often nursing, rehab and devices.
    case severe
    /// Grades 5–6: disability lump; the employer pays the monthly allowance; medical lump on leaving.
    case moderate
    /// Grades 7–10: disability lump; medical lump on leaving.
    case minorGraded
    /// Assessed, no grade (未达级): treatment and the assessment fee only.
    case ungraded
    /// Recognized, treated, never assessed.
    case treatedOnly
    /// Not recognized (不予认定): no benefits.
    case rejected
    /// 工亡: funeral grant, death grant and dependants' pensions.
    case fatal

    var isAssessed: Bool { self == .severe || self == .moderate || self == .minorGraded || self == .ungraded }

    /// The grades an initial assessment of the profile gives.
    var grades: ClosedRange<Int>? {
        switch self {
        case .severe: 1...4
        case .moderate: 5...6
        case .minorGraded: 7...10
        default: nil
        }
    }

    /// One deck of twenty cases: twelve assessed (one of grades 1–4), six treated only, two rejected.
    /// The order interleaves the profiles, so that a prefix of the deck (a small city) is still a mix.
    static let deck: [CaseProfile] = [
        .minorGraded, .treatedOnly, .severe, .minorGraded, .ungraded, .treatedOnly, .moderate, .minorGraded,
        .rejected, .treatedOnly, .minorGraded, .ungraded, .treatedOnly, .minorGraded, .treatedOnly, .minorGraded,
        .ungraded, .rejected, .treatedOnly, .minorGraded,
    ]

    /// The deck of the city that grades too severely (I05): four of twelve assessments in grades 1–4.
    static let severeDeck: [CaseProfile] = deck.enumerated().map { index, profile in
        severeDeckPlants.contains(index) ? .severe : profile
    }

    /// The positions of the severe deck whose minor injuries are graded 1–4.
    static let severeDeckPlants: Set<Int> = [10, 13, 15]
}
