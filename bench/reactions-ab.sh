#!/usr/bin/env bash
# The history store's write rate without and with reactions mixed in (bench store --reactions K),
# alternating, a fresh server and data dir each run, so the machine's drift between runs does not
# decide the comparison. Each sender alone in its room: the store is measured, not the fan-out.
#   usage: bench/reactions-ab.sh [ROUNDS] [RATE] [K]   (defaults 2, 100 msgs/s per sender, 4; needs target/chatroom.jar)
set -u
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
RATE=${2:-100}
K=${3:-4}
run() { # label, then extra bench flags
  local label=$1; shift
  local d; d=$(mktemp -d)
  java @packaging/jvm.options -jar target/chatroom.jar server --host 127.0.0.1 --port 0 --tls-port off --ssh-port off \
    --approve all --flood-rate 0 --max-per-ip 100000 --data-dir "$d" </dev/null >"$d/log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$d/log" && break; sleep 0.1; done
  local port; port=$(grep -o "listening on 127.0.0.1:[0-9]*" "$d/log" | cut -d: -f2)
  java @packaging/jvm.options -jar target/chatroom.jar bench store --port "$port" --senders 200 --rooms 200 \
    --rate "$RATE" --duration 10 --server-pid "$pid" "$@" 2>/dev/null \
    | grep -E "^ *(stored|missing|reactions|stored msgs/s|stored writes/s|stored after the window|send lag max|server CPU)" \
    | tr -s ' ' | paste -sd' ' | sed "s/^/$label (load $(cut -d' ' -f1 /proc/loadavg)): /"
  kill "$pid"; wait "$pid" 2>/dev/null; rm -rf "$d"
}
for _ in $(seq 1 "$ROUNDS"); do run "messages only     "; run "reactions every $K" --reactions "$K"; done
