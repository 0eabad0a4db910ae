import FundModel

/// A city (pooling region, 统筹地区) of the demo province as designed, before any worker exists.
struct CityBlueprint: Sendable {
    var code: RegionCode
    var name: String
    /// Short name used in employer and institution names (海州 for 海州市).
    var shortName: String
    /// Share of the province's workers, in per mille.
    var sharePerMille: Int
    /// At most this many workers: the small cities that carry region plants stay small at any size, so
    /// that their plants stay "a handful" and their hospitals and experts stay under R17's 20 assessments.
    var workerCap: Int?
    /// The city's average monthly wage relative to the province's, in per mille.
    var wageLevelPerMille: Int
    /// The tier of the city's minimum wage: 0 highest, 2 lowest.
    var minimumWageTier: Int
    /// Counties and districts: (code suffix, name). Their codes appear as the issuing region of id numbers.
    var counties: [(suffix: String, name: String)]
    var roles: Set<CityRole>

    func has(_ role: CityRole) -> Bool { roles.contains(role) }
}

/// 东海省, the fictional province of the demo (code 390000: division 39 is not used by GB/T 2260).
enum ProvinceBlueprint {
    static let code = RegionCode("390000")!
    static let name = "东海省"

    /// The seven cities, largest first.
    static let cities: [CityBlueprint] = [
        CityBlueprint(
            code: RegionCode("390100")!, name: "海州市", shortName: "海州", sharePerMille: 260, workerCap: nil,
            wageLevelPerMille: 1_180, minimumWageTier: 0,
            counties: [("02", "东城区"), ("03", "西城区"), ("11", "海港区"), ("21", "青湾县")], roles: [.capital]),
        CityBlueprint(
            code: RegionCode("390200")!, name: "明港市", shortName: "明港", sharePerMille: 200, workerCap: nil,
            wageLevelPerMille: 1_100, minimumWageTier: 0, counties: [("02", "港城区"), ("03", "江北区"), ("21", "象湾县")],
            roles: []),
        CityBlueprint(
            code: RegionCode("390300")!, name: "临江市", shortName: "临江", sharePerMille: 140, workerCap: nil,
            wageLevelPerMille: 1_020, minimumWageTier: 1, counties: [("02", "临江区"), ("21", "富春县")],
            roles: [.manualReimbursement]),
        CityBlueprint(
            code: RegionCode("390400")!, name: "青溪市", shortName: "青溪", sharePerMille: 120, workerCap: nil,
            wageLevelPerMille: 950, minimumWageTier: 1, counties: [("02", "青溪区"), ("21", "溪口县")],
            roles: [.costlyTreatment]),
        CityBlueprint(
            code: RegionCode("390500")!, name: "云岭市", shortName: "云岭", sharePerMille: 100, workerCap: nil,
            wageLevelPerMille: 900, minimumWageTier: 2, counties: [("02", "云岭区"), ("21", "松阳县")],
            roles: [.expenditureSurge]),
        CityBlueprint(
            code: RegionCode("390600")!, name: "白沙市", shortName: "白沙", sharePerMille: 90, workerCap: 600,
            wageLevelPerMille: 860, minimumWageTier: 2, counties: [("02", "白沙区"), ("21", "沙洲县")],
            roles: [.lowBalance, .severeGrading]),
        CityBlueprint(
            code: RegionCode("390700")!, name: "东屿市", shortName: "东屿", sharePerMille: 90, workerCap: 600,
            wageLevelPerMille: 920, minimumWageTier: 2, counties: [("02", "东屿区"), ("21", "嵊岛县")],
            roles: [.preventionOverspend, .slowDetermination]),
    ]

    /// The two cities of the small sample layout (a few dozen workers, for Examples/).
    static let sampleCities: [CityBlueprint] = cities.prefix(2).map {
        var city = $0
        city.roles = []
        return city
    }
}
