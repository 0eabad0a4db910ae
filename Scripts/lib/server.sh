# Shared by Tests/conformance/run.sh and the figure scripts in Scripts/ (sourced, not run).
#
# Builds fundguard (debug, scratch path $FG_SCRATCH or .build), makes a small demo province, starts
# `fundguard serve` on a free loopback port and signs a person in to create an API key through the console
# (the only way keys are made: 我的账户 → API 密钥). Every function stops the script on failure (set -e).

FG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FG_SCRATCH="${FG_SCRATCH:-.build}"
FG_SERVER_PID=""
FG_PORT=""

# fg_build: builds the debug fundguard and sets FG_BIN (unless FG_BIN already names a built binary).
fg_build() {
    if [ -n "${FG_BIN:-}" ] && [ -x "$FG_BIN" ]; then return 0; fi
    (cd "$FG_ROOT" && swift build --scratch-path "$FG_SCRATCH" --product fundguard 2>&1 \
        | grep -vE '^\[[0-9]+/[0-9]+\]' | tail -n 20)
    FG_BIN="$(cd "$FG_ROOT" && swift build --scratch-path "$FG_SCRATCH" --show-bin-path)/fundguard"
    test -x "$FG_BIN"
}

# fg_province DIR DB WORKERS AS_OF: a demo province of WORKERS workers imported into DB and screened as of AS_OF.
fg_province() {
    local dir="$1" db="$2" workers="$3" as_of="$4"
    "$FG_BIN" demo-data --out "$dir" --workers "$workers" --as-of "$as_of" >/dev/null
    "$FG_BIN" import --db "$db" --user setup "$dir" >/dev/null
    "$FG_BIN" screen --db "$db" --as-of "$as_of" >/dev/null
}

# fg_user DB NAME ROLE PASSWORD: adds a person with a password chosen here (no change forced at sign-in).
fg_user() {
    printf '%s\n' "$4" | "$FG_BIN" user add --db "$1" --name "$2" --display-name "$2" --role "$3" --password-stdin >/dev/null
}

# fg_free_port: a free loopback port.
fg_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# fg_serve DB LOG [PORT]: starts the server in the background (with $FG_SERVE_ARGS), waits for /healthz; sets
# FG_PORT, FG_SERVER_PID, FG_BASE.
fg_serve() {
    local db="$1" log="$2"
    FG_PORT="${3:-$(fg_free_port)}"
    # shellcheck disable=SC2086 # FG_SERVE_ARGS: extra options for `fundguard serve`, split on spaces.
    "$FG_BIN" serve --db "$db" --host 127.0.0.1 --port "$FG_PORT" --log-format json ${FG_SERVE_ARGS:-} >>"$log" 2>&1 &
    FG_SERVER_PID=$!
    FG_BASE="http://127.0.0.1:$FG_PORT"
    for _ in $(seq 1 150); do
        if curl -fsS "$FG_BASE/healthz" >/dev/null 2>&1; then return 0; fi
        if ! kill -0 "$FG_SERVER_PID" 2>/dev/null; then break; fi
        sleep 0.2
    done
    echo "the server did not start; its log:" >&2
    tail -n 20 "$log" >&2
    return 1
}

# fg_stop: stops the server started by fg_serve (TERM, then waits).
fg_stop() {
    if [ -n "$FG_SERVER_PID" ] && kill -0 "$FG_SERVER_PID" 2>/dev/null; then
        kill -TERM "$FG_SERVER_PID"
        wait "$FG_SERVER_PID" 2>/dev/null || true
    fi
    FG_SERVER_PID=""
}

# fg_api_key NAME PASSWORD JAR: signs NAME in (cookie jar JAR) and prints a new API key made on 我的账户.
fg_api_key() {
    local name="$1" password="$2" jar="$3" page csrf key
    page="$(curl -fsS -c "$jar" -b "$jar" "$FG_BASE/login")"
    csrf="$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')"
    curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "name=$name" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$csrf" --data-urlencode "next=/account" "$FG_BASE/login"
    page="$(curl -fsS -c "$jar" -b "$jar" "$FG_BASE/account")"
    csrf="$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')"
    page="$(curl -fsS -c "$jar" -b "$jar" --data-urlencode "label=$name-automation" --data-urlencode "days=1" \
        --data-urlencode "_csrf=$csrf" "$FG_BASE/account/api-keys")"
    key="$(printf '%s' "$page" | grep -o 'fgk_[A-Za-z0-9_-]*' | head -n 1)"
    if [ -z "$key" ]; then
        echo "could not create an API key for $name" >&2
        return 1
    fi
    printf '%s\n' "$key"
}
