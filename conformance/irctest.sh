#!/usr/bin/env bash
# Runs the irctest conformance suite (github.com/progval/irctest, a checkout whose
# path is in IRCTEST_DIR; pytest and pytest-timeout installed) against one chatroom jar.
#
#   usage: IRCTEST_DIR=~/src/irctest conformance/irctest.sh JAR [extra pytest args...]
#   e.g.   conformance/irctest.sh target/chatroom.jar > out.txt 2>&1
#          conformance/irctest.sh target/chatroom.jar -k 'Who or Names'       # a subset
#          conformance/irctest.sh target/chatroom.jar irctest/server_tests/join.py::JoinTestCase::testJoinTwice
#          python3 conformance/summarize.py out.txt    # one line per failure
#
# For each pytest run it starts `java -jar JAR server --host 127.0.0.1 --port 0 --approve all
# --flood-rate 0 --max-per-ip 100000 --data-dir <fresh temp dir> --server-name My.Little.Server
# --opers operuser:HASH --web-port 0` (stdin </dev/null), reads the port from its "listening on"
# line and the WebSocket port from its "ws://" line, waits until the port accepts, runs irctest's
# external_server controller against it, then stops that server by its PID (SIGTERM, SIGKILL
# after 10 s).
#   * --server-name My.Little.Server: irctest hardcodes that name in its expectations
#     (every irctest controller configures it); SERVER_NAME=chatroom to use ours.
#   * --opers: the IRC operator irctest's operator tests use (OPER operuser operpassword), the
#     HASH made once by `java -jar JAR admin hash-password`.
#   * Run 1 (main): all selected tests except PasswordedConnectionRegistrationTestCase.
#   * Run 2 (password): only that class, against a second server started with
#     --password testpassword (irctest's external_server cannot set a password per test).
#     Run 2 happens only when no extra pytest args are given (or PASSWORD_RUN=1);
#     with extra args, run 1 does not deselect anything.
#   * Run 3 (websocket): irctest/server_tests/websocket.py alone, against a server with no default
#     room (ROOM=): those tests do not expect the JOIN of a client entering the room.
#     Run 3 happens only when no extra pytest args are given (or WEBSOCKET_RUN=1), and run 1
#     then deselects that file; with extra args, run 1 runs it against its own server.
#   * The websocket tests go to the web port through the
#     plugin irctest_websocket (it says how); they need Python's `websockets` library, 11 or later,
#     or an older one such as Debian 12's python3-websockets, whose directory goes in
#     IRCTEST_WEBSOCKETS_PATH if this Python does not see it (default: /usr/lib/python3/dist-packages
#     when that has it). Without it irctest skips them.
# Extra args go to pytest after the defaults (a second -m or -k replaces the default one).
# Env: ROOM (unset = the server's default room, #chatroom; ROOM= for none), SERVER_NAME,
#      TIMEOUT (per-test seconds, default 60), JAVA_OPTS, KEEP_DATA=1 (keep server logs),
#      PASSWORD_RUN=0|1, WEBSOCKET_RUN=0|1.
# Exit status: 0 if every run passed, 1 if tests failed, 3 if a server did not start.
set -u
if [ $# -lt 1 ]; then sed -n '2,40p' "$0"; exit 2; fi
JAR=$(readlink -f "$1"); shift
[ -f "$JAR" ] || { echo "run.sh: no such jar: $JAR" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=${IRCTEST_DIR:?set IRCTEST_DIR to an irctest checkout}
TIMEOUT=${TIMEOUT:-60}
SERVER_NAME=${SERVER_NAME:-My.Little.Server}
PASS_CLASS=irctest/server_tests/connection_registration.py::PasswordedConnectionRegistrationTestCase
WS_FILE=irctest/server_tests/websocket.py
if [ $# -eq 0 ]; then
    PASSWORD_RUN=${PASSWORD_RUN:-1}; WEBSOCKET_RUN=${WEBSOCKET_RUN:-1}; DESELECT=(--deselect "$PASS_CLASS")
    [ "$WEBSOCKET_RUN" = 1 ] && DESELECT+=(--deselect "$WS_FILE")
else PASSWORD_RUN=${PASSWORD_RUN:-0}; WEBSOCKET_RUN=${WEBSOCKET_RUN:-0}; DESELECT=(); fi

WORK=$(mktemp -d)
OPER_HASH=$(printf 'operpassword\n' | java ${JAVA_OPTS:-} -jar "$JAR" admin hash-password) \
    || { echo "run.sh: 'admin hash-password' failed" >&2; exit 3; }
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            if kill -0 "$pid" 2>/dev/null; then echo "run.sh: server $pid ignored SIGTERM; SIGKILL" >&2; kill -KILL "$pid" 2>/dev/null; fi
        fi
        wait "$pid" 2>/dev/null
    done
    PIDS=()
    if [ "${KEEP_DATA:-0}" = 1 ]; then echo "run.sh: server logs and data kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server TAG [extra server flags...]  -> sets SPID and SPORT
start_server() {
    local tag=$1; shift
    local log=$WORK/$tag.log
    local room_args=()
    [ -n "${ROOM+x}" ] && room_args=(--room "$ROOM")
    java ${JAVA_OPTS:-} -jar "$JAR" server --host 127.0.0.1 --port 0 --approve all \
        --flood-rate 0 --max-per-ip 100000 --data-dir "$WORK/$tag-data" \
        --server-name "$SERVER_NAME" --opers "operuser:$OPER_HASH" --web-port 0 "${room_args[@]}" "$@" </dev/null >"$log" 2>&1 &
    SPID=$!
    PIDS+=("$SPID")
    SPORT=
    for _ in $(seq 1 600); do
        SPORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$log" | head -n1)
        [ -n "$SPORT" ] && break
        kill -0 "$SPID" 2>/dev/null || break
        sleep 0.1
    done
    SWEB=$(sed -n 's|.*ws://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$log" | head -n1)
    if [ -z "$SPORT" ]; then
        echo "run.sh: server ($tag) did not start; its output:" >&2; cat "$log" >&2; exit 3
    fi
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$SPORT") 2>/dev/null && break
        sleep 0.1
    done
    echo "run.sh: [$tag] server pid $SPID: $(head -n1 "$log")"
}

# after_run TAG PID
check_server() {
    if kill -0 "$2" 2>/dev/null; then echo "run.sh: [$1] server still alive after the run"
    else echo "run.sh: [$1] SERVER DIED during the run; last output:"; tail -n 40 "$WORK/$1.log"; fi
}

TIMEOUT_ARGS=()
python3 -c 'import pytest_timeout' 2>/dev/null && TIMEOUT_ARGS=(--timeout "$TIMEOUT")

WEBSOCKETS_PATH=${IRCTEST_WEBSOCKETS_PATH:-}
[ -z "$WEBSOCKETS_PATH" ] && [ -d /usr/lib/python3/dist-packages/websockets ] && WEBSOCKETS_PATH=/usr/lib/python3/dist-packages

# run_pytest TAG PORT WEBPORT [pytest args...]
run_pytest() {
    local tag=$1 port=$2 web=$3; shift 3
    ( cd "$SRC" && PYTHONPATH=$HERE/plugins${PYTHONPATH:+:$PYTHONPATH} \
      IRCTEST_SERVER_HOSTNAME=127.0.0.1 IRCTEST_SERVER_PORT=$port IRCTEST_WEBSOCKET_PORT=$web \
      IRCTEST_WEBSOCKETS_PATH=$WEBSOCKETS_PATH \
      python3 -m pytest -p no:cacheprovider -p irctest_external_cleanup -p irctest_websocket \
        --controller irctest.controllers.external_server \
        -m 'not services and not implementation-specific and not deprecated and not strict' \
        -v -rfEs --tb=short --junitxml="$WORK/$tag.xml" "${TIMEOUT_ARGS[@]}" "$@" )
}

START=$(date +%s)
RC=0
start_server main
MAIN_PID=$SPID
run_pytest main "$SPORT" "$SWEB" "${DESELECT[@]}" "$@" || RC=$?
check_server main "$MAIN_PID"

if [ "$PASSWORD_RUN" = 1 ]; then
    echo; echo "run.sh: ===== password run: $PASS_CLASS against a server with --password testpassword ====="
    start_server password --password testpassword
    PW_PID=$SPID
    PRC=0
    run_pytest password "$SPORT" "$SWEB" "$PASS_CLASS" || PRC=$?
    check_server password "$PW_PID"
    [ "$PRC" -gt "$RC" ] && RC=$PRC
fi
if [ "$WEBSOCKET_RUN" = 1 ]; then
    echo; echo "run.sh: ===== websocket run: $WS_FILE against a server with no default room ====="
    ROOM= start_server websocket
    WS_PID=$SPID
    WRC=0
    run_pytest websocket "$SPORT" "$SWEB" "$WS_FILE" || WRC=$?
    check_server websocket "$WS_PID"
    [ "$WRC" -gt "$RC" ] && RC=$WRC
fi
END=$(date +%s)

python3 - "$WORK"/*.xml <<'EOF'
import sys, xml.etree.ElementTree as ET
tot = dict(tests=0, failures=0, errors=0, skipped=0)
for f in sys.argv[1:]:
    for s in ET.parse(f).getroot().iter("testsuite"):
        for k in tot: tot[k] += int(s.get(k, 0))
p = tot["tests"] - tot["failures"] - tot["errors"] - tot["skipped"]
print(f"run.sh: TOTAL over all runs: {p} passed, {tot['failures']} failed, {tot['errors']} errors, {tot['skipped']} skipped ({tot['tests']} run)")
EOF
echo "run.sh: exit $RC; took $((END - START)) s"
exit $RC
