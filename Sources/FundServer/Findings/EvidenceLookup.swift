import FundModel
import FundStore

/// The records behind a finding, looked up in the store to be shown side by side: the subject, the
/// records named in its evidence, and the shared data about the same person (death, pension, prison…).
struct EvidenceLookup {
    struct Panel {
        struct Row {
            var label: String
            var value: String
        }
        var title: String
        var rows: [Row]
        var link: String?
    }

    let store: SQLiteFundStore
    let revealIdentity: Bool
    let labels: ValueLabels
    /// The viewer's regions: no record of another region is looked up into a panel (issue 11 #4: a city
    /// handler saw other cities' workers on an R19 page).
    let scope: RegionScope
    static let maxPanels = 12

    func panels(for finding: Finding) throws -> [Panel] {
        var seen = Set<String>()
        var records: [(DisplayRecord, String)] = []
        func add(_ table: Table, _ column: String, _ value: String, limit: Int = 3) throws {
            guard !value.isEmpty, records.count < Self.maxPanels else { return }
            for record in try store.records(in: table, where: column, equals: value, limit: limit) {
                guard try visible(record) else { continue }
                let key = "\(table.rawValue):" + record.cells.map(\.text).joined(separator: "|")
                if seen.insert(key).inserted { records.append((record, "")) }
            }
        }

        // The subject.
        let id = finding.subjectID
        switch finding.subjectType {
        case .payment: try add(.payments, "payment_id", id)
        case .worker: try add(.workers, "worker_id", id)
        case .case: try add(.injuryCases, "case_id", id)
        case .assessment: try add(.assessments, "assessment_id", id)
        case .institution:
            try add(.institutions, "institution_id", id)
            try add(.agreements, "institution_id", id)
        case .employer: try add(.employers, "employer_id", id)
        case .expert: try add(.experts, "expert_id", id)
        case .account: try add(.payments, "payee_account", id, limit: 5)
        case .dependent: try add(.dependents, "dependent_id", id)
        case .region: try add(.regions, "code", id)
        }

        // What the subject points to: the payment's case, worker, dependant and institution.
        let subjectRecord = records.first?.0
        if let payment = subjectRecord, payment.table == .payments {
            try add(.injuryCases, "case_id", payment["case_id"] ?? "")
            try add(.workers, "worker_id", payment["worker_id"] ?? "")
            try add(.dependents, "dependent_id", payment["dependent_id"] ?? "", limit: 1)
            try add(.institutions, "institution_id", payment["institution_id"] ?? "")
        }
        if let record = subjectRecord, record.table == .injuryCases || record.table == .assessments {
            try add(.workers, "worker_id", record["worker_id"] ?? "")
        }

        // The evidence ids: whatever they name.
        for evidence in finding.evidence {
            try add(.payments, "payment_id", evidence)
            try add(.injuryCases, "case_id", evidence)
            try add(.assessments, "assessment_id", evidence)
            try add(.dependents, "dependent_id", evidence, limit: 2)
            try add(.workers, "worker_id", evidence)
            try add(.institutions, "institution_id", evidence)
            try add(.medicalInsurance, "invoice_no", evidence)
        }

        // Shared data about the people involved: what a death, pension or prison rule compares with.
        var people: [String] = []
        for (record, _) in records {
            for column in ["worker_id", "dependent_id"] {
                if let person = record[column], !person.isEmpty, !people.contains(person) { people.append(person) }
            }
        }
        for person in people {
            try add(.deaths, "person_id", person)
            try add(.pensions, "person_id", person)
            try add(.imprisonments, "person_id", person)
            if finding.ruleID == "R07" { try add(.medicalInsurance, "person_id", person, limit: 5) }
        }

        return records.prefix(Self.maxPanels).map { record, _ in panel(record) }
    }

    /// Whether the viewer's scope covers the record: by its own region, or, for the tables without one, by
    /// the region of the record it belongs to (a dependant's case, an agreement's institution, the worker
    /// an external record is about). The regions table itself names places, not people: always visible.
    func visible(_ record: DisplayRecord) throws -> Bool {
        guard case .city = scope else { return true }
        if let text = record["region_code"] {
            return RegionCode(text).map { scope.contains($0) } ?? false
        }
        switch record.table {
        case .regions: return true
        case .dependents:
            return try belongs(.injuryCases, "case_id", record["case_id"])
        case .agreements:
            return try belongs(.institutions, "institution_id", record["institution_id"])
        default:
            // The shared external data (deaths, pensions, prison, medical insurance…): about a person, shown
            // only when the person is a worker of the scope or a dependant of one of its cases.
            guard let person = record["person_id"] else { return false }
            return try personInScope(person)
        }
    }

    /// Whether a person is a worker of the scope or a dependant of one of its cases.
    func personInScope(_ person: String) throws -> Bool {
        guard case .city = scope else { return true }
        if try belongs(.workers, "worker_id", person) { return true }
        for dependent in try store.records(in: .dependents, where: "dependent_id", equals: person, limit: 5) {
            if try belongs(.injuryCases, "case_id", dependent["case_id"]) { return true }
        }
        return false
    }

    /// An evidence id as the viewer may see it: an id number of a person outside the viewer's region is
    /// masked even for those who see identities (a finding of one city may name workers of another).
    func evidenceText(_ id: String) throws -> String {
        guard revealIdentity else { return Masking.maskIDs(in: id) }
        guard PersonID(id) != nil else { return id }
        return try personInScope(id) ? id : Masking.personID(id)
    }

    /// Whether a record of `table` with `column` = `value` exists in the scope.
    private func belongs(_ table: Table, _ column: String, _ value: String?) throws -> Bool {
        guard let value, !value.isEmpty else { return false }
        return try store.records(in: table, where: column, equals: value, limit: 5).contains { record in
            record["region_code"].flatMap { RegionCode($0) }.map { scope.contains($0) } ?? false
        }
    }

    func panel(_ record: DisplayRecord) -> Panel {
        let rows = record.cells.filter { !$0.text.isEmpty }.map { cell in
            var text = labels.text(table: record.table, column: cell.column, value: cell.text)
            if !revealIdentity {
                if cell.isPersonID { text = Masking.personID(text) }
                if cell.isPersonName { text = Masking.name(text) }
                if cell.column == "payee_account" { text = Masking.account(text) }
            }
            return Panel.Row(label: ColumnLabels.column(cell.column), value: text)
        }
        var link: String?
        switch record.table {
        case .workers: link = record["worker_id"].map { "/workers/" + HTMLText.urlEncode($0) }
        case .injuryCases: link = record["case_id"].map { "/cases/" + HTMLText.urlEncode($0) }
        default: link = nil
        }
        return Panel(title: ColumnLabels.table(record.table), rows: rows, link: link)
    }
}
