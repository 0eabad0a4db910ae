import FundModel

/// The application materials of a file, as both registers show them: the 申请材料 table
/// (`Templates.caseworkMaterialsTable`) and the unticked boxes of the 接收材料 form.
extension CaseworkPages {
    struct MaterialRow {
        var name: String
        /// The day received; `nil` shows 缺.
        var received: String?
    }

    /// Every material of `checklist`, in its order, with the day of its receipt if any.
    static func materials<M: CodedValue>(_ checklist: [M], received: [MaterialReceipt<M>]) -> [MaterialRow] {
        checklist.map { material in
            MaterialRow(name: material.chineseName, received: received.first { $0.material == material }?.received.iso)
        }
    }

    /// The materials still missing, as checkboxes of the 接收材料 form (none ticked).
    static func missing<M: CodedValue>(_ missing: [M]) -> [Option] {
        missing.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
    }
}
