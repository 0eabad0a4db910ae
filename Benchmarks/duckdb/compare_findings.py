#!/usr/bin/env python3
"""Compares the DuckDB queries' findings with FundGuard's, subject by subject (not only counts).

    fundguard import --db x.sqlite DATA && fundguard screen --db x.sqlite --as-of 2026-09-30 --out findings.csv
    python3 Benchmarks/duckdb/compare_findings.py --data DATA --as-of 2026-09-30 --findings findings.csv

For every rule the multiset of subject ids of screen_duckdb.py's finding rows must equal that of
findings.csv's rows of the rule (subject_id); for an indicator, the regions that warn. Prints the
differences (a few ids each) and exits with status 1 when any rule differs. R10's amounts at risk are
compared too (the query's excess against the finding's amount). fundbench's results JSON has only the
counts per rule; this is the stronger check, run by hand (docs/decisions.md "Benchmarks: every rule in the
DuckDB comparison").
"""

import argparse
import collections
import csv
import datetime
import decimal
import importlib.util
import os
import sys

import duckdb

# The column of each query that holds the finding's subject id (payment_id unless listed).
SUBJECT = {
    "DQ01": "id", "R04": "worker_id", "R13": "case_id", "R16": "institution_id", "R17": "id", "R18": "id",
    "R19": "payee_account", "R20": "case_id", "R21": "case_id", "R22": "assessment_id", "R23": "case_id",
    "R25": "case_id", "R27": "case_id",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the directory of interchange CSV files")
    parser.add_argument("--as-of", required=True, help="the screening date, YYYY-MM-DD")
    parser.add_argument("--findings", required=True, help="fundguard screen --out findings.csv of the same data")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location(
        "screen_duckdb", os.path.join(os.path.dirname(os.path.abspath(__file__)), "screen_duckdb.py"))
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    fundguard = collections.defaultdict(collections.Counter)
    amounts = {}
    with open(args.findings, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            fundguard[row["rule_id"]][row["subject_id"]] += 1
            if row["rule_id"] == "R10":
                amounts[row["subject_id"]] = decimal.Decimal(row["amount"])

    con = duckdb.connect()
    script.load(con, args.data)
    script.derive(con, datetime.date.fromisoformat(args.as_of))
    differ = 0
    for rule in script.ORDER + list(script.INDICATORS):
        sql = script.INDICATORS[rule] if rule in script.INDICATORS else script.RULES[rule]
        try:
            con.execute(f"CREATE TEMP TABLE findings_{rule} AS {sql}")
        except duckdb.CatalogException:
            print(f"{rule}: not run (no data)")
            continue
        if rule in script.INDICATORS:
            query = f"SELECT DISTINCT region_code FROM findings_{rule} WHERE warning"
        else:
            query = f"SELECT {SUBJECT.get(rule, 'payment_id')} FROM findings_{rule}"
        duck = collections.Counter(row[0] for row in con.execute(query).fetchall())
        if duck != fundguard[rule]:
            differ += 1
            print(f"{rule}: only FundGuard {list((fundguard[rule] - duck).items())[:5]}, "
                  f"only DuckDB {list((duck - fundguard[rule]).items())[:5]}")
        if rule == "R10":
            excess = {pid: decimal.Decimal(cents) / 100
                      for pid, cents in con.execute("SELECT payment_id, excess FROM findings_R10").fetchall()}
            wrong = {pid: (amounts.get(pid), value) for pid, value in excess.items() if amounts.get(pid) != value}
            if wrong:
                differ += 1
                print(f"R10 amounts at risk differ: {list(wrong.items())[:5]}")
    print("subjects per rule: " + ("all equal" if differ == 0 else f"{differ} rules differ"))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
