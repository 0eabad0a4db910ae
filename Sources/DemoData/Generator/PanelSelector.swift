import FundModel

/// Chooses the experts of assessment panels (专家组) by rotation, keeping clear of R17 and R18.
///
/// Each pool has two cursors, one for assessments that end in grades 1–4 and
/// one for the rest, so that every expert sits on the pool's share of severe
/// cases (R17 compares each expert with the province). An expert of the
/// evidence hospital is skipped (R18 recusal), and so is an expert who already
/// sat on two panels for the same employer within 365 days (R18 flags five).
struct PanelSelector: Sendable {
    private var cursors: [Int: (severe: Int, other: Int)] = [:]
    /// Panel days per (expert, employer).
    private var history: [UInt64: [Int32]] = [:]

    /// Picks `size` experts from `pool` (forced ones first), and records them.
    mutating func select(
        poolID: Int, pool: [Int], size: Int, severe: Bool, hospitalID: String?, employer: Int, date: Day,
        experts: [Expert], forced: [Int] = []
    ) -> [Int] {
        var panel = forced
        var cursor = cursors[poolID] ?? (0, 0)
        var position = severe ? cursor.severe : cursor.other
        var scanned = 0
        while panel.count < size && scanned < 2 * pool.count {
            let candidate = pool[position % pool.count]
            position += 1
            scanned += 1
            if panel.contains(candidate) { continue }
            if let hospitalID, experts[candidate].institutionID == hospitalID { continue }
            if recentPanels(expert: candidate, employer: employer, around: date) >= 2 { continue }
            panel.append(candidate)
        }
        if severe { cursor.severe = position } else { cursor.other = position }
        cursors[poolID] = cursor
        for expert in panel { record(expert: expert, employer: employer, date: date) }
        return panel
    }

    /// Records a panel chosen elsewhere (the plants), so that the rotation keeps clear of it.
    mutating func record(expert: Int, employer: Int, date: Day) {
        history[key(expert, employer), default: []].append(date.ordinal)
    }

    func recentPanels(expert: Int, employer: Int, around date: Day) -> Int {
        guard let days = history[key(expert, employer)] else { return 0 }
        return days.reduce(0) { $0 + (abs(Int($1) - Int(date.ordinal)) <= 365 ? 1 : 0) }
    }

    private func key(_ expert: Int, _ employer: Int) -> UInt64 { UInt64(expert) << 32 | UInt64(UInt32(employer)) }
}
