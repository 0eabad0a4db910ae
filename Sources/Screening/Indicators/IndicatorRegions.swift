import FundModel

/// The regions an indicator reports on: every pooling region (city) of the province, then the
/// province itself, as slots `0..<count`.
///
/// The cities are those of regions.csv and any other city code the data
/// mentions (a county's records count for its city). Records of the
/// province's own code count only for the province; records of another
/// province are left out.
struct IndicatorRegions: Sendable {
    /// The cities in code order, then the province (`provinceSlot`).
    let codes: [RegionCode]
    /// The name of each slot's region (regions.csv), else its code.
    let names: [String]
    let provinceSlot: Int
    /// Snapshot region id → the city slot, `-1` for the province's own code, `-2` outside the province.
    private let slotByRegionID: [Int]
    /// City code → slot, for codes the snapshot never saw (the registers' regions).
    private let slotOfCity: [RegionCode: Int]

    /// `nil` when the data set names no province (no regions at all).
    init?(_ snapshot: Snapshot) {
        guard let province = snapshot.province else { return nil }
        var cities = Set<RegionCode>()
        for name in snapshot.regionCodes.names {
            guard let code = RegionCode(name), code.province == province, code.impliedLevel != .province else {
                continue
            }
            cities.insert(code.city)
        }
        let codes = cities.sorted() + [province]
        var slotOfCity: [RegionCode: Int] = [:]
        for (slot, code) in codes.enumerated() { slotOfCity[code] = slot }
        let regionNames = Dictionary(
            snapshot.regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.codes = codes
        self.names = codes.map { regionNames[$0] ?? $0.raw }
        self.provinceSlot = codes.count - 1
        self.slotOfCity = slotOfCity
        self.slotByRegionID = snapshot.regionCodes.names.map { name in
            guard let code = RegionCode(name), code.province == province else { return -2 }
            return code.impliedLevel == .province ? -1 : slotOfCity[code.city] ?? -2
        }
    }

    var count: Int { codes.count }

    /// The city slot of a snapshot region id: `-1` for the province's own code, `-2` outside the province.
    func citySlot(regionID: Int32) -> Int {
        regionID >= 0 && Int(regionID) < slotByRegionID.count ? slotByRegionID[Int(regionID)] : -2
    }

    /// The city slot of any region code, seen in the snapshot or not (a register's): `-1` for the province's own
    /// code or a city of the province the data never names (it still counts for the province), `-2` outside
    /// the province.
    func citySlot(code: RegionCode) -> Int {
        guard code.province == codes[provinceSlot] else { return -2 }
        return code.impliedLevel == .province ? -1 : slotOfCity[code.city] ?? -1
    }

    /// The city slot of a region code (see `citySlot(regionID:)`).
    func citySlot(_ code: RegionCode, in snapshot: Snapshot) -> Int {
        citySlot(regionID: snapshot.regionCodes.id(code.raw) ?? -1)
    }
}
