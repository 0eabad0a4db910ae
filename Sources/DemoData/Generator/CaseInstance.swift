import FundModel

/// One case of a city's yearly template: its ticket number and shape.
struct CaseTemplate: Sendable {
    var ticket: Int
    var shape: CaseShape
    /// Treated at the R16 plant hospital (every year).
    var costlyHospital = false
}

/// A template case in one year: the accident happens, a worker is chosen, and plants may bend the story.
struct CaseInstance: Sendable {
    var city: Int
    var template: Int
    var year: Int
    /// 0 for the template itself, 1 for the second copy of the I01 city's last twelve months.
    var copy: Int
    var accident: Day
    /// The worker index within the city, once assigned.
    var worker: Int = -1
    var plants: [Plant] = []

    func has(_ plant: Plant) -> Bool { plants.contains(plant) }
}

extension CityPlan {
    /// The city's yearly case template: the deck (twenty cases per 500 workers), then the fatal cases.
    func makeTemplates(seed: UInt64, costlyHospitalShare: Bool, sample: Bool = false) -> [CaseTemplate] {
        var deck = blueprint.has(.severeGrading) ? CaseProfile.severeDeck : CaseProfile.deck
        // The sample shows a bit of everything: a severe and a minor case in one city, a moderate and a
        // treated-only case in the other.
        if sample { deck = index == 0 ? [.severe, .minorGraded] : [.moderate, .treatedOnly] }
        var profiles: [CaseProfile] = (0..<deckTicketsPerYear).map { deck[$0 % deck.count] }
        profiles += Array(repeating: .fatal, count: fatalTicketsPerYear)
        var seen: [CaseProfile: Int] = [:]
        return profiles.enumerated().map { ticket, profile in
            var rng = DemoRandom(seed, 0x7E, UInt64(index), UInt64(ticket))
            let tooSevere =
                blueprint.has(.severeGrading) && ticket < deckTicketsPerYear
                && CaseProfile.severeDeckPlants.contains(ticket % 20)
            // R16: a quarter of each profile of the capital's cases is treated at the costly hospital.
            let n = seen[profile, default: 0]
            seen[profile] = n + 1
            let costly = costlyHospitalShare && profile != .fatal && profile != .rejected && n % 4 == 1
            return CaseTemplate(
                ticket: ticket,
                shape: CaseShape.draw(
                    profile, gradedTooSevere: tooSevere, &rng),
                costlyHospital: costly)
        }
    }

    /// Every template case in every accident year up to as-of (and the I01 surge copies).
    func makeInstances(templates: [CaseTemplate], options: DemoOptions) -> [CaseInstance] {
        var instances: [CaseInstance] = []
        let surgeStart = options.asOf.adding(months: -18)
        for year in options.firstLegacyYear...options.asOf.year {
            for (t, template) in templates.enumerated() {
                if year < options.firstAccidentYear && template.shape.profile != .severe
                    && template.shape.profile != .fatal
                {
                    continue
                }
                // One death only in the sample.
                if options.usesSampleLayout && template.shape.profile == .fatal && year != options.asOf.year - 2 {
                    continue
                }
                let accident = Day(year: year, month: template.shape.accidentMonth, day: template.shape.accidentDay)!
                guard accident < options.asOf else { continue }
                instances.append(CaseInstance(city: index, template: t, year: year, copy: 0, accident: accident))
                if blueprint.has(.expenditureSurge) && options.plantsEveryRule && accident > surgeStart {
                    instances.append(CaseInstance(city: index, template: t, year: year, copy: 1, accident: accident))
                }
            }
        }
        return instances
    }

    /// Fatal cases a year: about one per three decks in the three largest cities, at least one in the two
    /// largest (the dependants' plants need them), none in the small cities.
    static func fatalTickets(cityIndex: Int, deckTickets: Int, sample: Bool) -> Int {
        if sample { return cityIndex == 0 ? 1 : 0 }
        guard cityIndex < 3 else { return 0 }
        let byDecks = (deckTickets / 20 + 1) / 3
        return cityIndex < 2 ? max(1, byDecks) : byDecks
    }
}
