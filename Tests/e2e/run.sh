#!/usr/bin/env bash
# End-to-end test of the web console in a real browser.
#
#   Tests/e2e/run.sh [SCREENSHOT_DIR]
#
# Builds fundguard, makes a small province (the demo generator's when `fundguard demo-data` exists,
# else the fixture in Tests/e2e/fixture), starts `fundguard serve` on a free loopback port with a
# supervisor and an auditor, and runs browser_test.py, which imports the data through the 数据导入
# page, screens it, verifies a finding and checks the audit log, saving a screenshot of each page
# into SCREENSHOT_DIR (default: ci-artifacts/screenshots). Installs Debian's chromium and
# chromium-driver, a CJK font and selenium when they are missing. Stops the server on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SHOTS="${1:-$ROOT/ci-artifacts/screenshots}"
SCRATCH="${E2E_SCRATCH_PATH:-.build}"
mkdir -p "$SHOTS"

if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    echo "e2e: installing chromium and chromium-driver"
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
fi
if ! fc-list 2>/dev/null | grep -qi "CJK"; then
    apt-get install -y -qq fonts-noto-cjk >/dev/null || true
fi
if ! python3 -c "import selenium" 2>/dev/null; then
    echo "e2e: installing selenium"
    python3 -m pip install --quiet selenium
fi

echo "e2e: building fundguard"
swift build --scratch-path "$SCRATCH" --product fundguard
BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/fundguard"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

AS_OF=2025-10-01
if "$BIN" --help 2>/dev/null | grep -q "demo-data"; then
    AS_OF=2026-09-30
    echo "e2e: generating a demo province (3000 workers, as of $AS_OF)"
    "$BIN" demo-data --out "$WORK/data" --workers 3000 --as-of "$AS_OF" >/dev/null
else
    echo "e2e: using the fixture province Tests/e2e/fixture"
    cp -r "$ROOT/Tests/e2e/fixture" "$WORK/data"
fi

DB="$WORK/fund.sqlite"
SUP_PASSWORD="E2e-Pw1-$RANDOM$RANDOM"
AUD_PASSWORD="E2e-Pw2-$RANDOM$RANDOM"
printf '%s\n' "$SUP_PASSWORD" | "$BIN" user add --db "$DB" --name sup --display-name 省级监督员甲 --role supervisor --password-stdin
printf '%s\n' "$AUD_PASSWORD" | "$BIN" user add --db "$DB" --name aud --display-name 审计员乙 --role auditor --password-stdin

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$BIN" serve --db "$DB" --host 127.0.0.1 --port "$PORT" --log-format json 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null

status=0
python3 "$ROOT/Tests/e2e/browser_test.py" --base "http://127.0.0.1:$PORT" \
    --user sup --password "$SUP_PASSWORD" --auditor aud --auditor-password "$AUD_PASSWORD" \
    --screenshots "$SHOTS" --import-dir "$WORK/data" --as-of "$AS_OF" || status=$?
cp "$WORK/server.log" "$SHOTS/server.log" 2>/dev/null || true
exit $status
