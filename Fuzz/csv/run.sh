#!/usr/bin/env bash
# Builds the CSV fuzz target with libFuzzer and AddressSanitizer and runs it for a bounded time over the
# corpus in this folder (issue 11: fuzzing in CI). Usage: Fuzz/csv/run.sh [SECONDS]  (default 60)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/corpus"
# One module: FundModel's sources and the importer's reader and parsers, without their `import FundModel`.
find "$root/Sources/FundModel" -name '*.swift' ! -name SHA256.swift -exec cp {} "$work/src/" \;
for f in CSV/CSVBytes.swift CSV/CSVReader.swift Import/CellParser.swift; do
    sed '/^import FundModel$/d' "$root/Sources/FundStore/$f" > "$work/src/$(basename "$f")"
done
cp "$here/FuzzCSV.swift" "$here/SHA256Unavailable.swift" "$work/src/"
# ld.gold lists every AddressSanitizer helper it cannot export (harmless): those lines are left out.
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name FuzzCSV "$work"/src/*.swift -o "$work/fuzz-csv" \
    2> >(grep -v "Cannot export local symbol" >&2)
cp "$here"/corpus/* "$work/corpus/"
# Bounded: time, input size and memory; a crash, a leak or a timeout fails the run and prints the input.
"$work/fuzz-csv" "$work/corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tail -n 15
