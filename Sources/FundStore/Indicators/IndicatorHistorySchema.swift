/// The table of indicator figures per run (issue 14 #1), registered at the end of `SchemaMigrations`
/// as "v7 indicator history".
///
/// One row per run, indicator, region and period; the figures and thresholds in ten-thousandths
/// (`Decimal4`), the period's last month as `YearMonth.index`, as the storage conventions say. Rows
/// go with their run (ON DELETE CASCADE) and are written in the run's transaction.
enum IndicatorHistorySchema {
    static let tables: [String] = [
        """
        CREATE TABLE indicator_history (
            run_id INTEGER NOT NULL REFERENCES screening_runs(id) ON DELETE CASCADE,
            indicator_id TEXT NOT NULL, region_code TEXT NOT NULL,
            period_kind TEXT NOT NULL CHECK (period_kind IN ('month', 'trailing12', 'year')),
            period_end INTEGER NOT NULL, value INTEGER, province_value INTEGER,
            level TEXT CHECK (level IN ('red', 'orange', 'yellow')),
            comparison TEXT NOT NULL CHECK (comparison IN ('above', 'below', 'above_province_multiple', 'none')),
            threshold_red INTEGER, threshold_orange INTEGER, threshold_yellow INTEGER,
            PRIMARY KEY (run_id, indicator_id, region_code, period_kind, period_end)
        ) STRICT
        """,
        // The trend of one indicator: its series by kind, region and month across runs.
        """
        CREATE INDEX indicator_history_series
            ON indicator_history(indicator_id, period_kind, region_code, period_end, run_id)
        """,
    ]
}
