import FundModel
import Testing

@testable import FundColumns

@Suite("IDTable, TextColumn and PaymentTable")
struct ColumnTests {
    @Test("an id table numbers ids in first-seen order, by string or by bytes alike")
    func idTable() {
        var table = IDTable()
        #expect(table.intern("B") == 0)
        #expect(table.intern("A") == 1)
        #expect(table.intern("B") == 0)
        #expect(Array("A".utf8).withUnsafeBytes { table.intern(bytes: $0) } == 1)
        #expect(Array("中文".utf8).withUnsafeBytes { table.intern(bytes: $0) } == 2)
        #expect(table.id("中文") == 2)
        #expect(table.names == ["B", "A", "中文"])
        #expect(table.id("C") == nil)
        #expect(table.idOrNone(nil) == -1)
        #expect(table.idOrNone("C") == -1)
        #expect(table.internOptional("") == -1)
        #expect(table.count == 3)
    }

    @Test("absorbing a table maps its ids into this one, adding only the new ones")
    func absorb() {
        var a = IDTable()
        for id in ["X", "Y"] { a.intern(id) }
        var b = IDTable()
        for id in ["Z", "X", "W"] { b.intern(id) }
        #expect(a.absorb(b) == [2, 0, 3])
        #expect(a.names == ["X", "Y", "Z", "W"])
    }

    @Test("a text column codes values, none as -1, and appends another column's rows recoded")
    func textColumn() {
        var first = TextColumn()
        for value in ["a", nil, "b", "a", ""] { first.append(value) }
        #expect(first.codes == [0, -1, 1, 0, -1])
        var second = TextColumn()
        for value in ["c", "a", nil] { second.append(value) }
        first.append(contentsOf: second)
        #expect(first.codes == [0, -1, 1, 0, -1, 2, 0, -1])
        #expect((0..<first.count).map(first.value) == ["a", nil, "b", "a", nil, "c", "a", nil])
        var table = IDTable()
        table.intern("c")
        #expect(first.codes(in: &table) == [1, -1, 2, 1, -1, 0, 1, -1])
    }

    @Test("bytes appended report whether the value is new, so a loader validates each distinct value once")
    func newValues() {
        var column = TextColumn()
        let added = ["x", "y", "x", "y", "z"].map { value in
            Array(value.utf8).withUnsafeBytes { column.append(bytes: $0) }
        }
        #expect(added == [true, true, false, false, true])
        #expect(column.append(bytes: nil) == false)
        #expect(column.codes == [0, 1, 0, 1, 2, -1])
    }

    static func payment(_ id: String, worker: String, channel: Channel?, advance: Bool, dependent: String? = nil)
        -> Payment
    {
        Payment(
            paymentID: id, caseID: id == "P2" ? nil : "C1", workerID: PersonID(worker)!, itemCode: "MED",
            amount: Money(fen: id == "P3" ? -150 : 123_456), paidDate: Day(iso: "2024-03-05")!,
            periodStart: id == "P2" ? nil : Day(iso: "2024-02-01")!,
            periodEnd: id == "P1" ? Day(iso: "2024-02-29")! : nil,
            institutionID: id == "P3" ? nil : "H1", invoiceNo: "INV-\(id)", channel: channel,
            payeeAccount: dependent == nil ? nil : "6222", dependentID: dependent.flatMap { PersonID($0) },
            regionCode: RegionCode("110100")!, advance: advance)
    }

    @Test("a payment table gives back every record, channel and advance flags included, also after joining parts")
    func paymentTable() {
        let records = [
            Self.payment("P1", worker: "11010519491231002X", channel: .direct, advance: false),
            Self.payment("P2", worker: "110101199001011237", channel: nil, advance: true),
            Self.payment(
                "P3", worker: "11010519491231002X", channel: .bank, advance: false, dependent: "110101199001011237"),
            Self.payment("P4", worker: "110101199001011237", channel: .reimbursement, advance: true),
        ]
        let whole = PaymentTable(records)
        #expect(whole.count == 4)
        #expect(whole.records == records)
        #expect(whole.worker.dictionary.count == 2)
        #expect(whole.periodEnd[1] == Day.noneOrdinal)
        let joined = PaymentTable(joining: [PaymentTable(Array(records[2...])), PaymentTable(Array(records[..<2]))])
        #expect(joined.records == Array(records[2...]) + Array(records[..<2]))
        for channel in [nil, Channel.direct, .reimbursement, .bank] {
            for advance in [false, true] {
                let flags = PaymentTable.flags(advance: advance, channel: channel)
                #expect(PaymentTable.channel(flags: flags) == channel)
                #expect((flags & 1 != 0) == advance)
            }
        }
    }

    @Test("joining parts column by column gives the parts' rows in order, each text column on one dictionary")
    func joiningParts() {
        let workers = ["11010519491231002X", "110101199001011237", "110101199001011253"]
        let records = (0..<60).map { i in
            Self.payment(
                "P\(i % 5 + 1)", worker: workers[(i / 4) % 3], channel: i % 3 == 0 ? .bank : nil, advance: i % 2 == 0,
                dependent: i % 7 == 0 ? workers[i % 3] : nil)
        }
        let cuts = [0, 1, 17, 17, 40, 60]
        let parts = zip(cuts, cuts.dropFirst()).map { PaymentTable(Array(records[$0..<$1])) }
        let joined = PaymentTable(joining: parts)
        #expect(joined.records == records)
        #expect(joined.worker.dictionary.count == 3)
        #expect(joined.worker.codes == PaymentTable(records).worker.codes)
        #expect(PaymentTable(joining: []).count == 0)
        #expect(PaymentTable(joining: [parts[1]]).records == Array(records[1..<17]))
        #expect(parts[2].count == 0)
    }

    @Test("a run of one value is coded as the run's first row was, also after other values and none")
    func runsOfValues() {
        var column = TextColumn()
        let values: [String?] = ["a", "a", "a", "b", "b", nil, "b", "a", "ab", "a", "", "ab", "ab"]
        let added = values.map { value in
            value.map { Array($0.utf8).withUnsafeBytes { column.append(bytes: $0) } } ?? column.append(bytes: nil)
        }
        #expect(column.codes == [0, 0, 0, 1, 1, -1, 1, 0, 2, 0, -1, 2, 2])
        #expect(added == [true, false, false, true, false, false, false, false, true, false, false, false, false])
        #expect(column.dictionary.names == ["a", "b", "ab"])
        #expect(column.dictionary.matches(2, bytes: UnsafeRawBufferPointer(start: nil, count: 0)) == false)
        // Two values alternating, then a third, then the first again (no longer among the two last seen).
        var alternating = TextColumn()
        for value in ["x", "y", "x", "y", "x", "z", "y", "x", "x"] {
            Array(value.utf8).withUnsafeBytes { _ = alternating.append(bytes: $0) }
        }
        #expect(alternating.codes == [0, 1, 0, 1, 0, 2, 1, 0, 0])
        #expect(alternating.dictionary.names == ["x", "y", "z"])
    }

    @Test("a data set's payments as columns: the table when loaded as such, else built from the records")
    func dataSetColumns() {
        var data = DataSet()
        #expect(data.paymentColumns() == nil)
        #expect(!data.hasPayments)
        data.payments = [Self.payment("P1", worker: "11010519491231002X", channel: .direct, advance: false)]
        #expect(data.paymentColumns()?.records == data.payments)
        #expect(data.hasPayments)
    }
}
