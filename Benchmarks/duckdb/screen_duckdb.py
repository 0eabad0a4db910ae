#!/usr/bin/env python3
"""FundGuard's payment rules as SQL in DuckDB, over the same interchange CSV files, side by side.

Run by `fundbench screen` right after FundGuard's own screen (BENCHMARKS.md "Screening"):

    python3 Benchmarks/duckdb/screen_duckdb.py --data DIR --as-of 2026-09-30 --fundguard results.json

1. Reads the CSV files the rules need into DuckDB tables (in memory), timed per file: DuckDB's
   counterpart of FundGuard's loadDataSet() + Snapshot.
2. Runs each rule's query, materializing its finding rows (CREATE TEMP TABLE … AS), timed per rule.
3. Prints both side by side: per rule, FundGuard's time for the rule alone on the snapshot against the
   query's time; in total, DuckDB's CSV reading + queries against FundGuard's load + snapshot + the same
   rules, and checks that both find the same number of findings per rule.

The SQL follows the Swift rules (Sources/Screening/Rules) at the default thresholds of rules.yaml
(no city overrides): same items, windows, levels and tie-breaks. Each query yields one row per finding.
"""

import argparse
import json
import os
import time

import duckdb

# Every rule's query yields one row per finding. `sd` is the service date (period_start, else paid_date).
RULES = {
    # 身份证号校验错误: GB 11643 check character (ISO 7064 MOD 11-2), one finding per worker id and (rev. 2)
    # one per dependant id.
    "DQ01": """
        WITH ids AS (
            SELECT DISTINCT worker_id AS id, 'worker' AS kind FROM workers
            UNION ALL SELECT DISTINCT dependent_id, 'dependent' FROM dependents),
        s AS (
            SELECT id, kind,
                (SELECT sum((ascii(substr(id, i, 1)) - 48) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i])
                 FROM range(1, 18) t(i)) AS total
            FROM ids)
        SELECT id, kind FROM s WHERE substr('10X98765432', (total % 11)::INT + 1, 1) <> substr(id, 18, 1)
    """,
    # 大额支出: amount above the item's threshold T (yellow > 1×T, orange > 2×T, red > 5×T).
    "R03": """
        SELECT p.payment_id,
            CASE WHEN p.amount > 5 * t.threshold THEN 'red' WHEN p.amount > 2 * t.threshold THEN 'orange'
                 ELSE 'yellow' END AS severity
        FROM payments p
        JOIN (VALUES ('MED', 100000), ('REHAB', 50000), ('DEVICE', 30000), ('TRAVEL', 10000), ('MEAL', 5000),
                     ('ASSESSMENT_FEE', 2000)) t(item_code, threshold) USING (item_code)
        WHERE p.amount > t.threshold
    """,
    # 高频支出: N or more payments of an item for one worker within any D days (by service date, both
    # ends included), reversals not counted; one finding per worker and item (yellow ≥ N, orange ≥ 2N).
    "R04": """
        WITH s AS (
            SELECT worker_id, item_code, (sd - DATE '1970-01-01') AS day
            FROM payments WHERE item_code IN ('MED', 'REHAB', 'TRAVEL', 'DEVICE') AND amount >= 0),
        w30 AS (
            SELECT worker_id, item_code,
                count(*) OVER (PARTITION BY worker_id, item_code ORDER BY day
                               RANGE BETWEEN CURRENT ROW AND 29 FOLLOWING) AS n
            FROM s WHERE item_code IN ('MED', 'REHAB', 'TRAVEL')),
        w365 AS (
            SELECT worker_id, item_code,
                count(*) OVER (PARTITION BY worker_id, item_code ORDER BY day
                               RANGE BETWEEN CURRENT ROW AND 364 FOLLOWING) AS n
            FROM s WHERE item_code = 'DEVICE'),
        worst AS (
            SELECT worker_id, item_code, max(n) AS n FROM (SELECT * FROM w30 UNION ALL SELECT * FROM w365)
            GROUP BY ALL)
        SELECT worker_id, item_code, n,
            CASE WHEN n >= 2 * c.needed THEN 'orange' ELSE 'yellow' END AS severity
        FROM worst JOIN (VALUES ('MED', 8), ('REHAB', 12), ('TRAVEL', 4), ('DEVICE', 2)) c(item_code, needed)
            USING (item_code)
        WHERE n >= c.needed
    """,
    # 死亡后支出: service date after the person's (earliest) death; FUNERAL, DEATH_LUMP and DEPENDANT check
    # the dependant instead of the worker.
    "R05": """
        WITH d AS (SELECT person_id, min(death_date) AS death FROM ext_deaths GROUP BY ALL)
        SELECT p.payment_id
        FROM payments p
        JOIN d ON d.person_id = CASE WHEN p.item_code IN ('FUNERAL', 'DEATH_LUMP', 'DEPENDANT')
                                     THEN p.dependent_id ELSE p.worker_id END
        WHERE p.sd > d.death
    """,
    # 伤残津贴与养老金重复: DISABILITY_MONTHLY on or after the (earliest) pension start.
    "R06": """
        WITH s AS (SELECT person_id, min(start_date) AS start FROM ext_pensions GROUP BY ALL)
        SELECT p.payment_id
        FROM payments p JOIN s ON s.person_id = p.worker_id
        WHERE p.item_code = 'DISABILITY_MONTHLY' AND p.sd >= s.start
    """,
    # 与医保重复报销: MED/REHAB at an institution whose period overlaps a medical-insurance stay of the
    # worker at the same institution, or whose invoice number is the stay's.
    "R07": """
        SELECT p.payment_id
        FROM payments p
        WHERE p.item_code IN ('MED', 'REHAB') AND p.institution_id IS NOT NULL
          AND EXISTS (
            SELECT 1 FROM ext_medical_insurance m
            WHERE m.person_id = p.worker_id AND m.institution_id = p.institution_id
              AND ((p.period_start IS NOT NULL
                    AND greatest(p.period_start, m.admission_date)
                        <= least(coalesce(p.period_end, p.period_start), coalesce(m.discharge_date, m.admission_date)))
                   OR (p.invoice_no IS NOT NULL AND m.invoice_no = p.invoice_no)))
    """,
    # 重复票据 (rev. 2): same institution and invoice number; every payment after the first (paid_date,
    # payment_id) fires, once the reversals have cancelled the earliest payments of their amount (a
    # reversal of amount −a cancels the first not yet cancelled payment of a; n reversals the first n).
    "R08": """
        WITH p AS (
            SELECT payment_id, institution_id, invoice_no, amount, paid_date FROM payments
            WHERE institution_id IS NOT NULL AND invoice_no IS NOT NULL),
        pos AS (
            SELECT *, row_number() OVER (PARTITION BY institution_id, invoice_no, amount
                                         ORDER BY paid_date, payment_id) AS r
            FROM p WHERE amount >= 0),
        rev AS (SELECT institution_id, invoice_no, -amount AS amount, count(*) AS n FROM p WHERE amount < 0 GROUP BY ALL),
        kept AS (
            SELECT pos.* FROM pos LEFT JOIN rev USING (institution_id, invoice_no, amount)
            WHERE pos.r > coalesce(rev.n, 0))
        SELECT payment_id FROM (
            SELECT payment_id,
                row_number() OVER (PARTITION BY institution_id, invoice_no ORDER BY paid_date, payment_id) AS k
            FROM kept)
        WHERE k > 1
    """,
    # 非协议机构: MED/MEAL (medical), REHAB (rehab), DEVICE (assistive) at an institution without an
    # active agreement of that service covering the service date.
    "R09": """
        SELECT p.payment_id
        FROM payments p
        JOIN (VALUES ('MED', 'medical'), ('MEAL', 'medical'), ('REHAB', 'rehab'), ('DEVICE', 'assistive'))
            s(item_code, service) USING (item_code)
        WHERE p.institution_id IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM agreements a
            WHERE a.institution_id = p.institution_id AND a.status = 'active'
              AND a.start_date <= p.sd AND p.sd <= a.end_date
              AND list_contains(string_split(a.services, ';'), s.service))
    """,
    # 无认定支出: not an advance, and the case is missing, not recognized/deemed, or the service date is
    # before the accident.
    "R11": """
        SELECT p.payment_id
        FROM payments p LEFT JOIN injury_cases c ON c.case_id = p.case_id
        WHERE NOT p.advance
          AND NOT coalesce(c.decision IN ('recognized', 'deemed') AND p.sd >= c.accident_date, false)
    """,
    # 住院时间重叠: a MED stay (period of at least 1 night at an institution) overlapping by at least 1
    # night an earlier stay (by period_start, paid_date, payment_id) of the same worker elsewhere, or
    # (rev. 2) a medical-insurance stay of the worker at another institution (no discharge: its admission day).
    "R14": """
        WITH s AS (
            SELECT payment_id, worker_id, institution_id, period_start, period_end, paid_date
            FROM payments
            WHERE item_code = 'MED' AND institution_id IS NOT NULL AND period_start IS NOT NULL
              AND period_end IS NOT NULL AND period_end - period_start >= 1)
        SELECT s.payment_id
        FROM s JOIN s o ON o.worker_id = s.worker_id AND o.institution_id <> s.institution_id
        WHERE (o.period_start < s.period_start
               OR (o.period_start = s.period_start
                   AND (o.paid_date < s.paid_date OR (o.paid_date = s.paid_date AND o.payment_id < s.payment_id))))
          AND least(s.period_end, o.period_end) - s.period_start >= 1
        UNION
        SELECT s.payment_id
        FROM s JOIN ext_medical_insurance m
            ON m.person_id = s.worker_id AND m.institution_id IS NOT NULL AND m.institution_id <> s.institution_id
        WHERE least(s.period_end, coalesce(m.discharge_date, m.admission_date)) - greatest(s.period_start, m.admission_date) >= 1
    """,
    # 供养亲属资格 (rev. 2, 供养亲属范围规定 art. 3): a DEPENDANT payment without a dependant id, or to a person
    # who is not a dependant of its case (any case for a payment without one), or with a month (judged on
    # its first day; the service date without a period) before start_date, after end_date, or — not
    # disabled — a spouse, parent or grandparent under 60 (a man: odd 17th digit) or 55 (a woman), a
    # child, grandchild or sibling from the 18th birthday (29 February → 1 March).
    "R15": """
        WITH p AS (
            SELECT payment_id, case_id, dependent_id, sd, period_start, period_end FROM payments
            WHERE item_code = 'DEPENDANT'),
        pick AS (
            SELECT p.payment_id, d.*, row_number() OVER (PARTITION BY p.payment_id ORDER BY d.row) AS k
            FROM p JOIN dependents d
                ON d.dependent_id = p.dependent_id AND (p.case_id IS NULL OR d.case_id = p.case_id)),
        dep AS (
            SELECT *, coalesce(birth_date, try_strptime(substr(dependent_id, 7, 8), '%Y%m%d')::DATE) AS birth,
                (ascii(substr(dependent_id, 17, 1)) - 48) % 2 = 1 AS man
            FROM pick WHERE k = 1),
        days AS (
            SELECT p.payment_id,
                unnest(CASE WHEN p.period_start IS NULL THEN [p.sd]
                            ELSE generate_series(date_trunc('month', p.period_start),
                                                 date_trunc('month', greatest(coalesce(p.period_end, p.period_start),
                                                                              p.period_start)),
                                                 INTERVAL 1 MONTH)::DATE[] END) AS day
            FROM p JOIN dep USING (payment_id))
        SELECT payment_id FROM p WHERE dependent_id IS NULL
        UNION
        SELECT payment_id FROM p WHERE dependent_id IS NOT NULL AND payment_id NOT IN (SELECT payment_id FROM dep)
        UNION
        SELECT days.payment_id FROM days JOIN dep USING (payment_id)
        WHERE (start_date IS NOT NULL AND days.day < start_date)
           OR (end_date IS NOT NULL AND days.day > end_date)
           OR (NOT coalesce(disabled, false) AND birth IS NOT NULL
               AND ((relation IN ('spouse', 'parent', 'grandparent')
                     AND days.day < CASE WHEN man THEN CASE WHEN month(birth) = 2 AND day(birth) = 29 AND NOT ((year(birth) + 60) % 4 = 0 AND ((year(birth) + 60) % 100 <> 0 OR (year(birth) + 60) % 400 = 0)) THEN make_date(year(birth) + 60, 3, 1) ELSE make_date(year(birth) + 60, month(birth), day(birth)) END ELSE CASE WHEN month(birth) = 2 AND day(birth) = 29 AND NOT ((year(birth) + 55) % 4 = 0 AND ((year(birth) + 55) % 100 <> 0 OR (year(birth) + 55) % 400 = 0)) THEN make_date(year(birth) + 55, 3, 1) ELSE make_date(year(birth) + 55, month(birth), day(birth)) END END)
                    OR (relation IN ('child', 'grandchild', 'sibling') AND days.day >= CASE WHEN month(birth) = 2 AND day(birth) = 29 AND NOT ((year(birth) + 18) % 4 = 0 AND ((year(birth) + 18) % 100 <> 0 OR (year(birth) + 18) % 400 = 0)) THEN make_date(year(birth) + 18, 3, 1) ELSE make_date(year(birth) + 18, month(birth), day(birth)) END)))
    """,
    # 账户集中: an account receiving payments (not at an institution) of 3 or more workers (orange ≥ 3, red ≥ 6).
    "R19": """
        SELECT payee_account, count(DISTINCT worker_id) AS workers, sum(amount) AS amount
        FROM payments
        WHERE payee_account IS NOT NULL AND institution_id IS NULL
        GROUP BY ALL
        HAVING count(DISTINCT worker_id) >= 3
    """,
}

# The files the rules read, and the columns whose type must not be guessed (ids are text even when all
# digits; money is exact).
TABLES = {
    "workers": {},
    "payments": {"amount": "DECIMAL(18,2)", "advance": "BOOLEAN", "paid_date": "DATE", "period_start": "DATE",
                 "period_end": "DATE"},
    "injury_cases": {"accident_date": "DATE"},
    "agreements": {"start_date": "DATE", "end_date": "DATE"},
    "dependents": {"birth_date": "DATE", "start_date": "DATE", "end_date": "DATE", "disabled": "BOOLEAN"},
    "ext_deaths": {"death_date": "DATE"},
    "ext_pensions": {"start_date": "DATE"},
    "ext_medical_insurance": {"admission_date": "DATE", "discharge_date": "DATE", "amount": "DECIMAL(18,2)"},
}
TEXT_SUFFIXES = ("_id", "_no", "_account", "_code", "account", "services", "relation", "decision", "status")


def column_types(path, fixed):
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    types = {}
    for name in header:
        if name in fixed:
            types[name] = fixed[name]
        elif name.endswith(TEXT_SUFFIXES):
            types[name] = "VARCHAR"
    return types


def load(con, data):
    """Reads each CSV file into a table; returns seconds per file."""
    seconds = {}
    for table, fixed in TABLES.items():
        path = os.path.join(data, table + ".csv")
        types = column_types(path, fixed)
        start = time.perf_counter()
        if table == "payments":
            # The service date, once, as FundGuard's snapshot keeps it.
            select = "SELECT *, coalesce(period_start, paid_date) AS sd FROM read_csv(?, header = true, types = ?)"
        elif table == "dependents":
            select = "SELECT *, row_number() OVER () AS row FROM read_csv(?, header = true, types = ?)"
        else:
            select = "SELECT * FROM read_csv(?, header = true, types = ?)"
        con.execute(f"CREATE TABLE {table} AS {select}", [path, types])
        seconds[table] = time.perf_counter() - start
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the directory of interchange CSV files")
    parser.add_argument("--as-of", default=None, help="the screening date (the rules above do not depend on it)")
    parser.add_argument("--fundguard", help="fundbench screen-run's results JSON, to print side by side")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit, e.g. 6GB")
    parser.add_argument("--json", help="write DuckDB's figures to this JSON file")
    args = parser.parse_args()

    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    if args.memory_limit:
        con.execute(f"SET memory_limit = '{args.memory_limit}'")
    print(f"DuckDB {duckdb.__version__}, {args.threads} threads; load average {' '.join(os.getloadavg_str())}"
          if hasattr(os, "getloadavg_str") else
          f"DuckDB {duckdb.__version__}, {args.threads} threads; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    start = time.perf_counter()
    load_seconds = load(con, args.data)
    load_total = time.perf_counter() - start
    payments = con.execute("SELECT count(*) FROM payments").fetchone()[0]
    print(f"read CSV: {load_total:.2f} s ({payments} payments = {payments / load_total:,.0f} rows/s); "
          + ", ".join(f"{t} {s:.2f} s" for t, s in load_seconds.items()))

    queries = {}
    for rule, sql in RULES.items():
        start = time.perf_counter()
        con.execute(f"CREATE TEMP TABLE findings_{rule} AS {sql}")
        seconds = time.perf_counter() - start
        count = con.execute(f"SELECT count(*) FROM findings_{rule}").fetchone()[0]
        queries[rule] = {"seconds": seconds, "findings": count}
        print(f"  {rule}: {count} findings in {seconds:.3f} s")
    query_total = sum(q["seconds"] for q in queries.values())
    peak = peak_memory()
    print(f"DuckDB total: read CSV {load_total:.2f} s + queries {query_total:.2f} s = {load_total + query_total:.2f} s; "
          f"peak memory (VmHWM) {peak / 2**30:.2f} GiB")

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load": load_seconds, "queries": queries, "peakBytes": peak}, f, indent=2)
    if args.fundguard:
        compare(json.load(open(args.fundguard)), load_total, queries)


def peak_memory():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def compare(fg, duck_load, queries):
    """Side by side: per rule (rule alone on the snapshot vs. query) and in total (load + rules)."""
    rules = {r["id"]: r for r in fg["perRule"]}
    print()
    print("| rule | FundGuard findings | DuckDB findings | FundGuard rule alone (s) | DuckDB query (s) "
          "| DuckDB / FundGuard | FundGuard rows/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    fg_rules = 0.0
    mismatches = []
    for rule, q in queries.items():
        r = rules.get(rule)
        if r is None or not r["ran"]:
            print(f"| {rule} | not run | {q['findings']} | | {q['seconds']:.3f} | | |")
            continue
        alone = r.get("aloneSeconds") or r["inRunSeconds"]
        fg_rules += alone
        same = r["findings"] == q["findings"]
        if not same:
            mismatches.append(rule)
        ratio = q["seconds"] / alone if alone > 0 else float("inf")
        print(f"| {rule} | {r['findings']} | {q['findings']}{'' if same else ' ≠'} | {alone:.3f} | {q['seconds']:.3f} "
              f"| {ratio:.1f} | {r['rows'] / alone:,.0f} |")
    duck_queries = sum(q["seconds"] for q in queries.values())
    fg_load = fg["load"]["seconds"] + fg["snapshot"]["seconds"]
    print()
    print(f"rules only ({len(queries)} rules): FundGuard {fg_rules:.2f} s (each rule alone on the snapshot), "
          f"DuckDB {duck_queries:.2f} s (queries on loaded tables): ratio {duck_queries / fg_rules:.1f}")
    print(f"load: FundGuard loadDataSet {fg['load']['seconds']:.2f} s + Snapshot {fg['snapshot']['seconds']:.2f} s "
          f"= {fg_load:.2f} s; DuckDB read CSV {duck_load:.2f} s: ratio {duck_load / fg_load:.2f}")
    print(f"load + these rules: FundGuard {fg_load + fg_rules:.2f} s, DuckDB {duck_load + duck_queries:.2f} s: "
          f"ratio {(duck_load + duck_queries) / (fg_load + fg_rules):.2f}")
    if fg.get("compared"):
        end_to_end = fg["compared"]["seconds"]
        duck_total = duck_load + duck_queries
        steps = fg.get("comparedSteps") or []
        parts = (f"load {steps[0]:.2f} s + snapshot {steps[1]:.2f} s + one engine run {steps[2]:.2f} s"
                 if len(steps) == 3 else "loading only the tables they need + snapshot + one engine run")
        print(f"the same {len(fg['comparedRules'])} rules end to end: FundGuard {end_to_end:.2f} s "
              f"({parts}, peak memory {fg['compared']['peakBytes'] / 2**30:.2f} GiB, "
              f"{fg['comparedFindings']} findings), "
              f"DuckDB {duck_total:.2f} s (read CSV + queries, {sum(q['findings'] for q in queries.values())} findings): "
              f"DuckDB / FundGuard {duck_total / end_to_end:.2f}")
    print(f"FundGuard's whole screen (load + snapshot + all {sum(1 for r in fg['perRule'] if r['ran'])} rules and "
          f"indicators in one run): {fg['load']['seconds'] + fg['snapshot']['seconds'] + fg['rules']['seconds']:.2f} s")
    print("findings per rule: " + ("all equal" if not mismatches else "MISMATCH in " + ", ".join(mismatches)))


if __name__ == "__main__":
    main()
