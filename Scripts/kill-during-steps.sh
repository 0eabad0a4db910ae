#!/usr/bin/env bash
# `kill -9` of the server during a burst of verification steps (issue 11, "Figures to report").
#
#   Scripts/kill-during-steps.sh [STEPS] [PARALLEL] [KILL_AFTER_SECONDS]
#
# Builds fundguard (debug), makes a demo province of 500 workers (imported and screened), starts the server
# with a supervisor, takes one finding to 违规 (assign, start, irregular: 100 000.00 to recover), then fires
# STEPS (default 400) `recover 1.00` steps through the API, PARALLEL (default 20) at a time, and kills the
# server with SIGKILL after KILL_AFTER_SECONDS (default 2). Then: `PRAGMA integrity_check` on the database,
# a restart, and the finding's recorded total compared with its steps and with the answers the clients got.
#
# Passes (exit 0) when the database is intact, every step answered 201 is recorded (none lost), the recorded
# total is exactly the sum of the recorded recover steps (none doubled, none half-written), and the steps
# recorded beyond the 201s are no more than were in flight when the server died (committed, but the answer
# lost with the connection).
set -euo pipefail

STEPS="${1:-400}"
PARALLEL="${2:-20}"
KILL_AFTER="${3:-2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/server.sh
source "$ROOT/Scripts/lib/server.sh"

fg_build
WORK="$(mktemp -d)"
cleanup() {
    fg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

DB="$WORK/fund.sqlite"
fg_province "$WORK/data" "$DB" 500 2026-09-30
PASSWORD="Kill-Pw1-$RANDOM$RANDOM"
fg_user "$DB" sup supervisor "$PASSWORD"
fg_serve "$DB" "$WORK/server.log"
KEY="$(fg_api_key sup "$PASSWORD" "$WORK/cookies")"
AUTH="Authorization: Bearer $KEY"
USER_ID="$(sqlite3 "$DB" "SELECT id FROM users WHERE name = 'sup'")"

FINDING="$(curl -fsS -H "$AUTH" "$FG_BASE/api/v1/findings?status=new&size=20" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["findingID"])')"
STEPS_URL="$FG_BASE/api/v1/findings/$FINDING/steps"
step() { curl -fsS -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d "$1" "$STEPS_URL"; }
step "{\"action\": \"assign\", \"assignee\": $USER_ID}"
step '{"action": "start"}'
step '{"action": "irregular", "amount": "100000.00", "reason": "kill -9 test"}'
echo "kill-during-steps: finding $FINDING is 违规 with 100000.00 to recover; $STEPS steps, $PARALLEL at a time"

mkdir -p "$WORK/answers"
export AUTH STEPS_URL WORK
seq 1 "$STEPS" | xargs -P "$PARALLEL" -I{} sh -c \
    'curl -sS -o "$WORK/answers/{}.json" -w "%{http_code}" --max-time 30 -H "$AUTH" -H "Content-Type: application/json" \
        -d "{\"action\": \"recover\", \"amount\": \"1.00\", \"reason\": \"burst {}\"}" "$STEPS_URL" \
        >"$WORK/answers/{}.code" 2>/dev/null || true' &
BURST=$!
sleep "$KILL_AFTER"
kill -9 "$FG_SERVER_PID"
wait "$FG_SERVER_PID" 2>/dev/null || true
FG_SERVER_PID=""
wait "$BURST" || true

answered_201=0
step_ids=()
for code in "$WORK"/answers/*.code; do
    if [ "$(cat "$code")" = "201" ]; then
        answered_201=$((answered_201 + 1))
        step_ids+=("$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "${code%.code}.json")")
    fi
done
# curl writes 000 when no answer came (refused after the kill, or cut by it).
codes="$(for f in "$WORK"/answers/*.code; do cat "$f"; echo; done | sort | uniq -c | awk '{ printf "%s×%s ", $1, ($2 == "000" ? "no answer" : $2) }')"

integrity="$(sqlite3 "$DB" 'PRAGMA integrity_check')"
fg_serve "$DB" "$WORK/server.log"
detail="$(curl -fsS -H "$AUTH" "$FG_BASE/api/v1/findings/$FINDING")"
history="$(curl -fsS -H "$AUTH" "$FG_BASE/api/v1/findings/$FINDING/steps")"
fg_stop

echo "kill-during-steps: $STEPS requests, killed after $KILL_AFTER s: $codes"
python3 - "$integrity" "$answered_201" "$PARALLEL" "$detail" "$history" "${step_ids[@]}" <<'PY'
import json, sys
from decimal import Decimal
integrity, answered, parallel = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
detail, history = json.loads(sys.argv[4]), json.loads(sys.argv[5])
answered_ids = {int(i) for i in sys.argv[6:]}
recovers = [s for s in history if s["action"] == "recover"]
recorded_ids = {s["id"] for s in recovers}
recorded_total = Decimal(detail["verification"]["recovered"])
steps_total = sum((Decimal(s["amount"]) for s in recovers), Decimal(0))
lost = answered_ids - recorded_ids
unanswered = recorded_ids - answered_ids
print(f"kill-during-steps: integrity_check: {integrity}")
print(f"kill-during-steps: answered 201: {answered} (sum {Decimal(answered):.2f}); recover steps recorded: "
      f"{len(recovers)}; recorded total {recorded_total}; sum of recorded steps {steps_total:.2f}")
print(f"kill-during-steps: 201 but not recorded (lost): {len(lost)}; recorded without an answer "
      f"(committed, answer lost in the kill): {len(unanswered)}")
ok = integrity == "ok" and not lost and recorded_total == steps_total and len(unanswered) <= parallel
print("kill-during-steps: " + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
