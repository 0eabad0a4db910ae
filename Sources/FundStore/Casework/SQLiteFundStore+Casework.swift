import Foundation
import FundModel
import GRDB

extension SQLiteFundStore: CaseworkRepository {
    public func commit(_ changeSet: CaseworkChangeSet) throws {
        let recordedAt = Timestamp.text(Date())
        try pool.write { db in
            for change in changeSet.changes {
                switch change {
                case .document(let document): try Self.write(document, db)
                case .institution(let institution, let isNew): try Self.write(institution, isNew: isNew, db)
                case .agreement(let agreement, let previous): try Self.write(agreement, previousStatus: previous, db)
                }
            }
            for event in changeSet.events {
                try db.execute(
                    sql: """
                        INSERT INTO casework_events (subject, subject_id, action, chinese_action, from_state,
                            to_state, actor, day, reason, detail, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        event.subject.rawValue, event.subjectID, event.action, event.chineseAction, event.fromState,
                        event.toState, event.act.actor, Int64(event.act.day.ordinal), event.act.reason,
                        event.detail, recordedAt,
                    ])
            }
        }
    }

    public func document<D: CaseworkDocument>(_ type: D.Type, id: String) throws -> D? {
        let body = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM \(D.tableName) WHERE id = ?", arguments: [id])
        }
        return try body.map { try Self.decode(D.self, $0) }
    }

    public func documents<D: CaseworkDocument>(
        _ type: D.Type, where filter: [String: String], regionPrefix: String?
    ) throws -> [D] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for (column, value) in filter.sorted(by: { $0.key < $1.key }) {
            guard D.indexColumns.contains(column) else {
                throw CaseworkStoreError.unknownColumn(table: D.tableName, column: column)
            }
            conditions.append("\(column) = ?")
            arguments.append(value)
        }
        if let regionPrefix {
            guard D.indexColumns.contains("region_code") else {
                throw CaseworkStoreError.unknownColumn(table: D.tableName, column: "region_code")
            }
            conditions.append("substr(region_code, 1, ?) = ?")
            arguments.append(regionPrefix.utf8.count)
            arguments.append(regionPrefix)
        }
        var sql = "SELECT body FROM \(D.tableName)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id"
        let bodies = try pool.read { db in
            try String.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        }
        return try bodies.map { try Self.decode(D.self, $0) }
    }

    public func history(_ subject: CaseworkSubject, id: String) throws -> [CaseworkHistoryEntry] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM casework_events WHERE subject = ? AND subject_id = ? ORDER BY id",
                arguments: [subject.rawValue, id]
            ).map(Self.historyEntry)
        }
    }

    public func recentHistory(limit: Int) throws -> [CaseworkHistoryEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM casework_events ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.historyEntry)
        }
    }

    // MARK: Interchange tables

    public func experts() throws -> [Expert] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT expert_id, name, specialty, institution_id, region_code FROM experts ORDER BY expert_id"
            ).map { row in
                Expert(
                    expertID: row[0], name: row[1], specialty: row[2], institutionID: row[3],
                    regionCode: try Self.regionCode(row[4], "experts.region_code"))
            }
        }
    }

    public func institutions() throws -> [Institution] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT institution_id, name, kind, region_code, grade FROM institutions ORDER BY institution_id"
            ).map { row in
                Institution(
                    institutionID: row[0], name: row[1], kind: try Self.code(row[2], "institutions.kind"),
                    regionCode: try Self.regionCode(row[3], "institutions.region_code"), grade: row[4])
            }
        }
    }

    public func agreements() throws -> [Agreement] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT agreement_id, institution_id, services, start_date, end_date, status FROM agreements
                    ORDER BY agreement_id
                    """
            ).map { row in
                let services: String = row[2]
                return Agreement(
                    agreementID: row[0], institutionID: row[1],
                    services: try services.split(separator: ";").map {
                        try Self.code(String($0), "agreements.services")
                    },
                    startDate: Day(ordinal: Int32(row[3] as Int64)), endDate: Day(ordinal: Int32(row[4] as Int64)),
                    status: try Self.code(row[5], "agreements.status"))
            }
        }
    }

    public func employer(id: String) throws -> Employer? {
        try pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT employer_id, name, region_code, industry_code, risk_class, insured_since FROM employers
                    WHERE employer_id = ?
                    """, arguments: [id]
            ).map { row in
                let insuredSince: Int64? = row[5]
                return Employer(
                    employerID: row[0], name: row[1], regionCode: try Self.regionCode(row[2], "employers.region_code"),
                    industryCode: row[3], riskClass: row[4], insuredSince: insuredSince.map { Day(ordinal: Int32($0)) })
            }
        }
    }

    public func importedAssessments(workerID: PersonID) throws -> [Assessment] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT assessment_id, case_id, worker_id, kind, applied_date, concluded_date, grade, nursing,
                        hospital_id, experts, region_code FROM assessments WHERE worker_id = ? ORDER BY assessment_id
                    """, arguments: [workerID.raw]
            ).map { row in
                let applied: Int64? = row[4]
                let concluded: Int64? = row[5]
                let nursing: String? = row[7]
                let experts: String? = row[9]
                return Assessment(
                    assessmentID: row[0], caseID: row[1], workerID: workerID,
                    kind: try Self.code(row[3], "assessments.kind"),
                    appliedDate: applied.map { Day(ordinal: Int32($0)) },
                    concludedDate: concluded.map { Day(ordinal: Int32($0)) }, grade: row[6],
                    nursing: try nursing.map { try Self.code($0, "assessments.nursing") }, hospitalID: row[8],
                    expertIDs: experts.map { $0.split(separator: ";").map(String.init) } ?? [],
                    regionCode: try Self.regionCode(row[10], "assessments.region_code"))
            }
        }
    }

    // MARK: Writing

    static func write<D: CaseworkDocument>(_ document: D, _ db: Database) throws {
        let columns = D.indexColumns
        let values = document.indexValues
        precondition(columns.count == values.count, "index values of \(D.tableName) do not match its columns")
        let body = try encode(document)
        if document.version <= 1 {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM \(D.tableName) WHERE id = ?", arguments: [document.documentID])
                == true
            {
                throw CaseworkStoreError.duplicate(table: D.tableName, id: document.documentID)
            }
            let names = (["id", "version"] + columns + ["body"]).joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 3).joined(separator: ", ")
            var arguments: [(any DatabaseValueConvertible)?] = [document.documentID, document.version]
            arguments += values.map { $0 }
            arguments.append(body)
            try db.execute(
                sql: "INSERT INTO \(D.tableName) (\(names)) VALUES (\(marks))", arguments: StatementArguments(arguments)
            )
        } else {
            let assignments = (["version"] + columns + ["body"]).map { "\($0) = ?" }.joined(separator: ", ")
            var arguments: [(any DatabaseValueConvertible)?] = [document.version]
            arguments += values.map { $0 }
            arguments += [body, document.documentID, document.version - 1]
            try db.execute(
                sql: "UPDATE \(D.tableName) SET \(assignments) WHERE id = ? AND version = ?",
                arguments: StatementArguments(arguments))
            if db.changesCount == 0 { throw CaseworkStoreError.conflict(table: D.tableName, id: document.documentID) }
        }
    }

    static func write(_ institution: Institution, isNew: Bool, _ db: Database) throws {
        let exists =
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM institutions WHERE institution_id = ?", arguments: [institution.institutionID])
            == true
        if isNew && exists { throw CaseworkStoreError.duplicate(table: "institutions", id: institution.institutionID) }
        if !isNew && !exists { throw CaseworkStoreError.conflict(table: "institutions", id: institution.institutionID) }
        try db.execute(
            sql: """
                INSERT INTO institutions (institution_id, name, kind, region_code, grade) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (institution_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    region_code = excluded.region_code, grade = excluded.grade
                """,
            arguments: [
                institution.institutionID, institution.name, institution.kind.rawValue, institution.regionCode.raw,
                institution.grade,
            ])
    }

    static func write(_ agreement: Agreement, previousStatus: AgreementStatus?, _ db: Database) throws {
        let services = agreement.services.map(\.rawValue).joined(separator: ";")
        if let previousStatus {
            try db.execute(
                sql: """
                    UPDATE agreements SET institution_id = ?, services = ?, start_date = ?, end_date = ?, status = ?
                    WHERE agreement_id = ? AND status = ?
                    """,
                arguments: [
                    agreement.institutionID, services, Int64(agreement.startDate.ordinal),
                    Int64(agreement.endDate.ordinal), agreement.status.rawValue, agreement.agreementID,
                    previousStatus.rawValue,
                ])
            if db.changesCount == 0 {
                throw CaseworkStoreError.conflict(table: "agreements", id: agreement.agreementID)
            }
        } else {
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM agreements WHERE agreement_id = ?", arguments: [agreement.agreementID]) == true
            {
                throw CaseworkStoreError.duplicate(table: "agreements", id: agreement.agreementID)
            }
            try db.execute(
                sql: """
                    INSERT INTO agreements (agreement_id, institution_id, services, start_date, end_date, status)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    agreement.agreementID, agreement.institutionID, services, Int64(agreement.startDate.ordinal),
                    Int64(agreement.endDate.ordinal), agreement.status.rawValue,
                ])
        }
    }

    // MARK: Coding

    static func encode<D: Encodable>(_ value: D) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<D: Decodable>(_ type: D.Type, _ body: String) throws -> D {
        try JSONDecoder().decode(D.self, from: Data(body.utf8))
    }

    static func historyEntry(_ row: Row) throws -> CaseworkHistoryEntry {
        let subjectCode: String = row["subject"]
        guard let subject = CaseworkSubject(rawValue: subjectCode) else {
            throw StoreError(table: "casework_events", column: "subject", value: subjectCode)
        }
        let day: Int64 = row["day"]
        let event = CaseworkEvent(
            subject: subject, subjectID: row["subject_id"], action: row["action"],
            chineseAction: row["chinese_action"], fromState: row["from_state"], toState: row["to_state"],
            act: CaseworkAct(actor: row["actor"], day: Day(ordinal: Int32(day)), reason: row["reason"]),
            detail: row["detail"])
        return CaseworkHistoryEntry(id: row["id"], event: event, recordedAt: Timestamp.date(row["recorded_at"]))
    }

    static func regionCode(_ text: String, _ column: String) throws -> RegionCode {
        guard let code = RegionCode(text) else {
            throw StoreError(table: String(column.prefix { $0 != "." }), column: column, value: text)
        }
        return code
    }

    static func code<C: CodedValue>(_ text: String, _ column: String) throws -> C {
        guard let value = C(rawValue: text) else {
            throw StoreError(table: String(column.prefix { $0 != "." }), column: column, value: text)
        }
        return value
    }
}
