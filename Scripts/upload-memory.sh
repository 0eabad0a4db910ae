#!/usr/bin/env bash
# The server's memory under concurrent import uploads (issue 11, "Figures to report").
#
#   Scripts/upload-memory.sh [COUNT] [SIZE_MIB]
#
# Builds fundguard (debug), starts `fundguard serve` on an empty database with a supervisor, and fires COUNT
# (default 50) concurrent `POST /api/v1/imports` uploads of a SIZE_MIB MiB file each (default 511: the largest
# whole-MiB file whose multipart body stays within the import limit of 512 MiB,
# `ServerConfiguration.maxImportSize`) with curl and the supervisor's API key, sampling VmRSS and VmHWM of the
# server in /proc every 0.1 s. The file is named so that the import is refused (422) once the form is read:
# what is measured is the upload path (reading and parsing the body), not the importer. Prints the baseline,
# the peak and the answers' status codes. Check the machine's free memory before a large run: the server
# holds each body in memory while it is read.
set -euo pipefail

COUNT="${1:-50}"
SIZE_MIB="${2:-511}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/server.sh
source "$ROOT/Scripts/lib/server.sh"

fg_build
WORK="$(mktemp -d)"
SAMPLER=""
cleanup() {
    if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; fi
    fg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

PASSWORD="Mem-Pw1-$RANDOM$RANDOM"
fg_user "$WORK/fund.sqlite" sup supervisor "$PASSWORD"
fg_serve "$WORK/fund.sqlite" "$WORK/server.log"
KEY="$(fg_api_key sup "$PASSWORD" "$WORK/cookies")"

# One file of SIZE_MIB MiB of CSV-looking lines, sent by every client.
python3 - "$WORK/upload-test.csv" "$SIZE_MIB" <<'PY'
import sys
line = b"W000001,330100,2024-01-01,123456.78,some text to fill the line up\n"
size = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], "wb") as f:
    block = line * (1024 * 1024 // len(line) + 1)
    written = 0
    while written < size:
        chunk = block[: size - written]
        f.write(chunk)
        written += len(chunk)
PY

status_of() { awk '/^(VmRSS|VmHWM)/ { printf "%s %d MiB  ", $1, $2 / 1024 }' "/proc/$FG_SERVER_PID/status"; }
echo "upload-memory: server pid $FG_SERVER_PID, before: $(status_of)"
(
    while kill -0 "$FG_SERVER_PID" 2>/dev/null; do
        awk '/^VmRSS/ { print $2 }' "/proc/$FG_SERVER_PID/status" >>"$WORK/rss.samples" 2>/dev/null || true
        sleep 0.1
    done
) &
SAMPLER=$!

start=$(date +%s.%N)
seq 1 "$COUNT" | xargs -P "$COUNT" -I{} curl -sS -o /dev/null -w '%{http_code}\n' --max-time 600 \
    -H "Authorization: Bearer $KEY" -F "files=@$WORK/upload-test.csv;filename=upload-test.csv" \
    "$FG_BASE/api/v1/imports" >"$WORK/codes" 2>>"$WORK/curl.err" || true
end=$(date +%s.%N)
sleep 0.5
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""

alive="yes"
kill -0 "$FG_SERVER_PID" 2>/dev/null || alive="no (see below)"
peak_sampled=$(sort -n "$WORK/rss.samples" | tail -n 1)
echo "upload-memory: $COUNT concurrent uploads of $SIZE_MIB MiB in $(python3 -c "print(round($end - $start, 1))") s"
echo "upload-memory: answers: $(sort "$WORK/codes" | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')"
echo "upload-memory: server alive afterwards: $alive"
if [ "$alive" = "yes" ]; then
    echo "upload-memory: after: $(status_of)"
    echo "upload-memory: /healthz: $(curl -sS -o /dev/null -w '%{http_code} in %{time_total} s' "$FG_BASE/healthz")"
else
    tail -n 5 "$WORK/server.log"
fi
echo "upload-memory: peak sampled VmRSS $((peak_sampled / 1024)) MiB"
if [ -s "$WORK/curl.err" ]; then
    echo "upload-memory: curl errors: $(sort "$WORK/curl.err" | uniq -c | head -n 3)"
fi
