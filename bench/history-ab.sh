#!/usr/bin/env bash
# The fan-out bench at 4M deliveries/s against our server with history on (the default) and off
# (--history-days 0), alternating, a fresh server and data dir each run: within one batch, so the
# machine's drift between batches does not decide the comparison.
#   usage: bench/history-ab.sh [ROUNDS]      (default 2; needs target/chatroom.jar)
set -u
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
JVM=(-XX:+UseSerialGC -Xms64m -Xmx1g -XX:MaxDirectMemorySize=512m -XX:+ExitOnOutOfMemoryError)
run() { # label, then extra server flags
  local label=$1; shift
  local d; d=$(mktemp -d)
  java "${JVM[@]}" -jar target/chatroom.jar server --host 127.0.0.1 --port 0 --tls-port off --ssh-port off --approve all \
    --flood-rate 0 --max-per-ip 100000 --max-clients 100000 --data-dir "$d" "$@" </dev/null >"$d/log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$d/log" && break; sleep 0.1; done
  local port; port=$(grep -o "listening on 127.0.0.1:[0-9]*" "$d/log" | cut -d: -f2)
  java "${JVM[@]}" -jar target/chatroom.jar bench fanout --port "$port" --clients 1000 --window 20 --senders 800 --rate 5 --duration 10 \
    --server-pid "$pid" 2>/dev/null | grep -E "deliveries/s until|latency p50|latency p99 |peak RSS" | tr -s ' ' | paste -sd' ' | sed "s/^/$label: /"
  kill "$pid"; wait "$pid" 2>/dev/null; rm -rf "$d"
}
for _ in $(seq 1 "$ROUNDS"); do run "history on " ; run "history off" --history-days 0; done
