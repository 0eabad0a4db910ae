#!/usr/bin/env bash
# API conformance of the live server against openapi.yaml, with schemathesis (issue 11).
#
#   Tests/conformance/run.sh [REPORT_DIR]
#
# Builds fundguard (debug, the scratch path of Tests/e2e/run.sh: $E2E_SCRATCH_PATH or .build), makes a
# small demo province (500 workers), imports and screens it, adds a supervisor, starts `fundguard serve`
# on a free loopback port, creates an API key through the console (我的账户) and runs schemathesis over
# every operation of openapi.yaml with `Authorization: Bearer <key>`. Checks: no 5xx, every status code
# and content type declared, every response body valid against its schema, declared response headers
# present, 405 with `Allow` for a method a path does not answer. Exits non-zero on any failure. Installs
# schemathesis with pip when missing. The requests tried and the failures are in REPORT_DIR
# (default ci-artifacts/conformance). Operations left out, and why: docs/decisions.md
# ("API conformance run").
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
REPORT="${1:-$ROOT/ci-artifacts/conformance}"
export FG_SCRATCH="${E2E_SCRATCH_PATH:-.build}"
MAX_EXAMPLES="${CONFORMANCE_MAX_EXAMPLES:-8}"
SEED="${CONFORMANCE_SEED:-20261204}"
mkdir -p "$REPORT"
REPORT="$(cd "$REPORT" && pwd)"
rm -f "$REPORT"/*.ndjson "$REPORT"/*.xml "$REPORT"/admin/*.ndjson
# shellcheck source=../../Scripts/lib/server.sh
source "$ROOT/Scripts/lib/server.sh"

# Schemathesis 4 (the flags below are its); run through the interpreter, not a script on PATH that a pyenv
# shim may not know yet.
if ! python3 -c 'import schemathesis, sys; sys.exit(0 if schemathesis.__version__.startswith("4.") else 1)' \
    2>/dev/null; then
    echo "conformance: installing schemathesis 4"
    python3 -m pip install --quiet 'schemathesis>=4.30,<5' 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages 'schemathesis>=4.30,<5'
fi
# From the scratch folder: schemathesis keeps a cache of its own in the working directory.
schemathesis() { (cd "$WORK" && python3 -m schemathesis.cli "$@"); }

echo "conformance: building fundguard"
fg_build

WORK="$(mktemp -d)"
cleanup() {
    fg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

AS_OF=2026-09-30
echo "conformance: a demo province (500 workers, as of $AS_OF), imported and screened"
fg_province "$WORK/data" "$WORK/fund.sqlite" 500 "$AS_OF"
PASSWORD="Conf-Pw1-$RANDOM$RANDOM"
fg_user "$WORK/fund.sqlite" sup supervisor "$PASSWORD"
fg_user "$WORK/fund.sqlite" adm admin "$PASSWORD"
fg_serve "$WORK/fund.sqlite" "$WORK/server.log"
KEY="$(fg_api_key sup "$PASSWORD" "$WORK/cookies")"
ADMIN_KEY="$(fg_api_key adm "$PASSWORD" "$WORK/admin-cookies")"
echo "conformance: server at $FG_BASE, API key ${KEY:0:10}…"

# Real records for the operations on one record, so that their 200 answers are checked too (random ids only
# reach the 404s): a finding, an imported case and its worker, a determination opened from the imported case.
AUTH="Authorization: Bearer $KEY"
FINDING_ID="$(curl -fsS -H "$AUTH" "$FG_BASE/api/v1/findings?size=20" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["findingID"])')"
CASE_ID="$(awk -F, 'NR == 2 { print $1 }' "$WORK/data/injury_cases.csv")"
WORKER_ID="$(awk -F, 'NR == 2 { print $2 }' "$WORK/data/injury_cases.csv")"
curl -fsS -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"case_id\": \"$CASE_ID\", \"from_import\": \"1\"}" "$FG_BASE/api/v1/casework/determinations"
cat >"$WORK/schemathesis.toml" <<TOML
[[operations]]
include-path-regex = '^(/api/v1)?/findings/[{]id[}]'
parameters = { "path.id" = "$FINDING_ID" }

[[operations]]
include-path-regex = '^(/api/v1)?/cases/[{]id[}]|^(/api/v1)?/casework/determinations/[{]id[}]'
parameters = { "path.id" = "$CASE_ID" }

[[operations]]
include-path = '/workers/{id}'
parameters = { "path.id" = "$WORKER_ID" }
TOML

CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
CHECKS="$CHECKS,response_headers_conformance,unsupported_method,allow_header_conformance${CONFORMANCE_EXTRA_CHECKS:+,$CONFORMANCE_EXTRA_CHECKS}"

status=0
# Left out (docs/decisions.md): DELETE /api/v1/api-keys/{id} revokes keys, the run's own among them (ids
# are small integers), which would turn every later request into a 401.
schemathesis --config-file "$WORK/schemathesis.toml" run "$ROOT/openapi.yaml" \
    --url "$FG_BASE" \
    -H "Authorization: Bearer $KEY" \
    --checks "$CHECKS" \
    --exclude-path '/api/v1/api-keys/{id}' \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --max-redirects 0 \
    --request-timeout 30 \
    --workers 1 \
    --phases examples,coverage,fuzzing \
    --suppress-health-check all \
    --generation-database none \
    --report junit,ndjson \
    --report-dir "$REPORT" \
    --output-truncate false \
    >"$REPORT/schemathesis.txt" 2>&1 || status=$?
tail -n 80 "$REPORT/schemathesis.txt"

# The administrator's reads (审计日志, 用户管理), which the supervisor only gets 403 for. Only the GETs: the user
# forms could deactivate the run's own administrator.
schemathesis run "$ROOT/openapi.yaml" \
    --url "$FG_BASE" \
    -H "Authorization: Bearer $ADMIN_KEY" \
    --checks "$CHECKS" \
    --include-path-regex '^/(audit|users)$' \
    --exclude-method POST \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --max-redirects 0 \
    --request-timeout 30 \
    --workers 1 \
    --phases coverage,fuzzing \
    --suppress-health-check all \
    --generation-database none \
    --report ndjson \
    --report-dir "$REPORT/admin" \
    --output-truncate false \
    >"$REPORT/schemathesis-admin.txt" 2>&1 || status=$?
tail -n 12 "$REPORT/schemathesis-admin.txt"

# The figures for docs/security.md: requests sent and 5xx answers seen.
python3 - "$REPORT" <<'PY' || true
import json, pathlib, sys
report = pathlib.Path(sys.argv[1])
requests = 0
server_errors = 0
for path in list(report.glob("*.ndjson")) + list(report.glob("admin/*.ndjson")):
    for line in path.open(encoding="utf-8"):
        try:
            event = json.loads(line)
        except ValueError:
            continue
        for key, value in event.items():
            if not isinstance(value, dict):
                continue
            for case in (value.get("recorder") or {}).get("interactions", {}).values():
                response = case.get("response") or {}
                requests += 1
                if int(response.get("status_code", 0)) >= 500:
                    server_errors += 1
print(f"conformance: {requests} requests recorded, {server_errors} answered 5xx")
PY

if ! kill -0 "$FG_SERVER_PID" 2>/dev/null; then
    echo "conformance: the server died during the run; its log:" >&2
    tail -n 40 "$WORK/server.log" >&2
    status=1
fi
cp "$WORK/server.log" "$REPORT/server.log" 2>/dev/null || true
if [ "$status" -ne 0 ]; then
    echo "conformance: FAILED (schemathesis exit $status); details in $REPORT/schemathesis.txt"
fi
exit "$status"
