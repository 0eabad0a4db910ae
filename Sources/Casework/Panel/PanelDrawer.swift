import FundModel

/// The random draw of a panel (条例 25: 随机抽取3名或者5名相关专家组成专家组): reproducible from its seed.
///
/// The pool is sorted by expert id. Each needed specialty gets one expert
/// first, drawn uniformly among the eligible experts of that specialty, in
/// the order the specialties are listed; the remaining seats are drawn
/// uniformly among all eligible experts not yet drawn. Every pick uses
/// `SeededGenerator.uniform(below:)`, so the same seed and pool always give
/// the same panel.
public enum PanelDrawer {
    /// The sizes 条例 25 allows.
    public static let allowedSizes = [3, 5]

    /// Splits the committee's experts of the needed specialties into the eligible pool (sorted by id) and those
    /// who must stand aside.
    public static func eligibility(experts: [Expert], specialties: [String], recusal: RecusalCheck)
        -> (pool: [PanelCandidate], excluded: [PanelExclusion])
    {
        var pool: [PanelCandidate] = []
        var excluded: [PanelExclusion] = []
        for expert in experts.sorted(by: { $0.expertID < $1.expertID }) {
            guard let specialty = expert.specialty?.trimmingBlanks, specialties.contains(specialty) else { continue }
            if let exclusion = recusal.exclusion(of: expert) {
                excluded.append(exclusion)
            } else {
                pool.append(PanelCandidate(expertID: expert.expertID, specialty: specialty))
            }
        }
        return (pool, excluded)
    }

    /// Draws `size` experts from `pool` with `seed`, each specialty at least once; refuses a size other than 3 or
    /// 5, and a pool too small for it.
    public static func select(pool: [PanelCandidate], specialties: [String], size: Int, seed: UInt64) throws
        -> [String]
    {
        guard allowedSizes.contains(size) else {
            throw CaseworkError.refused("条例第二十五条：专家组由随机抽取的3名或者5名专家组成，不能为 \(size) 名")
        }
        guard !specialties.isEmpty else { throw CaseworkError.invalid("须写明所需专业") }
        guard specialties.count <= size else {
            throw CaseworkError.refused("所需专业 \(specialties.count) 个，多于专家组人数 \(size) 名，请改为5名或减少专业")
        }
        for specialty in specialties where !pool.contains(where: { $0.specialty == specialty }) {
            throw CaseworkError.refused("专业“\(specialty)”在回避后没有可抽取的专家，请扩充专家库或调整专业")
        }
        guard pool.count >= size else {
            throw CaseworkError.refused("回避后符合条件的专家只有 \(pool.count) 名，不足 \(size) 名，不能组成专家组（条例第二十五条）")
        }
        let sorted = pool.sorted { $0.expertID < $1.expertID }
        var generator = SeededGenerator(seed: seed)
        var drawn: [String] = []
        for specialty in specialties {
            let candidates = sorted.filter { $0.specialty == specialty && !drawn.contains($0.expertID) }
            // Every listed specialty has an eligible expert (checked above) and each expert has one specialty, so
            // the candidates are empty only when a specialty is listed twice: its seat is then filled below.
            guard !candidates.isEmpty else { continue }
            drawn.append(candidates[generator.uniform(below: candidates.count)].expertID)
        }
        while drawn.count < size {
            let candidates = sorted.filter { !drawn.contains($0.expertID) }
            drawn.append(candidates[generator.uniform(below: candidates.count)].expertID)
        }
        return drawn
    }

    /// Runs a stored draw again from its seed and pool: the audit that it was not chosen by hand.
    public static func replay(_ draw: PanelDraw) -> [String]? {
        try? select(pool: draw.pool, specialties: draw.specialties, size: draw.size, seed: draw.seed)
    }
}
