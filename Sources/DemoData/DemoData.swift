// DemoData: a synthetic province (东海省) in the interchange formats, with planted anomalies and their
// ground truth, for demonstrations, tests and benchmarks. See docs/demo-province.md.
//
// Entry points: `DemoProvinceGenerator` (stream a province to a `DemoSink`), `CSVDirectorySink` (write the
// interchange files), `DataSetSink` (keep everything in memory), `GroundTruth` (what was planted).
