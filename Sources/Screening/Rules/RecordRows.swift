import FundModel

/// Rows of the record tables that a rule reads once per id.
///
/// A re-imported row replaces the old one in the store, but an in-memory data
/// set can still repeat an id: like `isFirst` for cases, the first row of an
/// id is the record and the repeats are ignored, so a rule never reports (or
/// counts) one assessment twice.
enum RecordRows {
    /// The row numbers of `assessments` that are the first with their `assessment_id`.
    static func firstAssessments(_ snapshot: Snapshot) -> [Int] { snapshot.firstAssessmentRows }

    /// The expert ids of a panel, each once, in panel order, without empty ids.
    static func panel(_ assessment: Assessment) -> [String] {
        var seen = Set<String>()
        return assessment.expertIDs.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The region seen most often (the smallest code among equals), or `nil` for none.
    static func mostFrequent(_ counts: [RegionCode: Int]) -> RegionCode? {
        counts.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }?.key
    }
}
