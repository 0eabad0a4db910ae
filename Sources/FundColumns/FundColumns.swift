// The FundColumns module: the in-memory, columnar form of the interchange data that screening reads
// (docs/architecture.md).
//
// - DataSet: every interchange table in memory, as records or (payments) as columns.
// - PaymentTable: the payments as columns, filled by the store's parallel loader and taken over by the
//   screening snapshot without copying.
// - TextColumn, IDTable, ByteKeySet: dictionary-coded text, dense integer ids and a byte-string set, so that
//   hot loops compare integers instead of hashing strings.
//
// FundModel keeps the value types (ids, money, days, records); this module holds the data structures built from
// them for speed, so that a change of engine never touches the model every layer shares (issue 12).
