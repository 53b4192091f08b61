#!/usr/bin/env bash
# Runs the same `chatroom bench` against chatroom, ngIRCd and InspIRCd on this machine,
# three times each, and prints the median (and spread) of the main results.
#
#   bench/compare.sh fanout --clients 1000 --senders 200 --rate 5 --duration 10
#   bench/compare.sh fanout --clients 1000 --senders 200 --rate 20 --duration 10 --after-check
#   bench/compare.sh connect --clients 2000 --window 100 --hold 2
#
# CHATROOM_ARGS adds flags to our server's command line (CHATROOM_ARGS="--metrics 127.0.0.1:19177").
# SERVERS chooses the servers (default "chatroom ngircd inspircd"); an entry SERVER:FLAG[,FLAG...]
# adds bench flags for that server's runs only, and is its own row:
#   SERVERS="chatroom chatroom:--devices=2 ngircd" bench/compare.sh fanout --clients 1000 ...
# (--devices needs accounts and SASL, which only chatroom has here: ngIRCd and chatroom with
# --devices=2 get the same connections and the same deliveries per message; chatroom:--accounts
# logs in with one device each, the control for it).
# Our server always gets --web-port 0 (a free port, read from its log); an entry's bare --websocket
# becomes --websocket THAT_PORT, so the same load runs with and without WebSocket clients:
#   SERVERS="chatroom chatroom:--websocket" bench/compare.sh fanout --clients 1000 ...
# Every run gets --server-pid, so fanout also reports the server's CPU per million deliveries
# and its peak RSS; with --after-check, the time a newcomer waited for 001 after the load.
# Fanout's senders ask for echo-message: echo_p50/p99 is how long a sender waited for the server's
# answer to its own message ("none" where the server does not echo).
# Installs ngircd and inspircd from Debian if missing (needs root), starts every server
# on 127.0.0.1, stops each by its PID. Raw JSON results go to bench/results/ (not committed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
mode="${1:?usage: bench/compare.sh fanout|connect [bench options]}"
shift
runs="${RUNS:-3}"
case " $* " in
  *" --hosts "*|*" --hosts="*)
    # this script starts one server per run and passes it --port; a cluster is started by hand
    echo "compare.sh starts one server per run; run 'chatroom bench $mode --hosts ...' against a cluster directly" >&2
    exit 2 ;;
esac
servers="${SERVERS:-chatroom ngircd inspircd}"
for entry in $servers; do
  case "${entry%%:*}" in
    chatroom|ngircd|inspircd) ;;
    *) echo "unknown server '${entry%%:*}' in SERVERS: chatroom, ngircd or inspircd, each optionally :FLAG[,FLAG...]" >&2; exit 2 ;;
  esac
  case "$entry" in
    chatroom:*) ;;
    *:--websocket|*:--websocket,*|*,--websocket|*,--websocket,*)
      echo "$entry: --websocket is for chatroom only (the peers here have no WebSocket port)" >&2; exit 2 ;;
  esac
done
out="$here/results/$(date +%Y%m%d-%H%M%S)-$mode"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v ngircd >/dev/null || ! command -v inspircd >/dev/null; then
  echo "Installing ngircd and inspircd..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ngircd inspircd >/dev/null
fi
# the launcher builds the jar when it is missing or older than the sources; do it now, not
# inside the first server start, whose wait for the port would run out during the build
"$root/chatroom" --version >/dev/null

port=16800
pid=""
web_port=""  # our server's WebSocket port, from its log
start_server() {
  local name="$1"
  port=$((port + 1))
  web_port=""
  case "$name" in
    chatroom)
      "$root/chatroom" server --host 127.0.0.1 --port "$port" --tls-port off --ssh-port off --web-port 0 --approve all --flood-rate 0 \
        --max-per-ip 100000 --max-clients 100000 --data-dir "$work/data" ${CHATROOM_ARGS:-} </dev/null >"$work/$name.log" 2>&1 &
      pid=$! ;;
    ngircd)
      sed "s#PORT#$port#; s#PIDFILE#$work/ngircd.pid#" "$here/peers/ngircd.conf" >"$work/ngircd.conf"
      ngircd --nodaemon --config "$work/ngircd.conf" >"$work/$name.log" 2>&1 &
      pid=$! ;;
    inspircd)
      sed "s#PORT#$port#; s#PIDFILE#$work/inspircd.pid#; s#LOGFILE#$work/inspircd-events.log#" "$here/peers/inspircd.conf" >"$work/inspircd.conf"
      inspircd --nofork --runasroot --config "$work/inspircd.conf" >"$work/$name.log" 2>&1 &
      pid=$! ;;
  esac
  for _ in $(seq 1 100); do  # wait for the port to accept
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      check_pid "$name"
      [ "$name" = chatroom ] && await_web_port
      return 0
    fi
    sleep 0.1
  done
  echo "$name did not start; see $work/$name.log" >&2
  cat "$work/$name.log" >&2
  stop_server
  return 1
}

# await_web_port: the port our server's log names in "WebSocket and web page on ws://127.0.0.1:PORT/"
await_web_port() {
  web_port=""
  for _ in $(seq 1 100); do
    web_port="$(sed -n 's#.*WebSocket and web page on ws://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$work/chatroom.log" | head -n 1)"
    [ -n "$web_port" ] && return 0
    sleep 0.1
  done
  echo "warning: chatroom's log names no WebSocket port; see $work/chatroom.log" >&2
}

# check_pid NAME: the PID handed to --server-pid must be the server itself, not a wrapper
# (the chatroom launcher ends in `exec java`, so $! is the JVM once it listens)
check_pid() {
  local want="$1" comm
  [ "$want" = chatroom ] && want=java
  comm="$(cat "/proc/$pid/comm" 2>/dev/null || echo gone)"
  [ "$comm" = "$want" ] || echo "warning: PID $pid of $1 is '$comm', not $want; its CPU and memory figures are not the server's" >&2
}

# running PID: the process exists and has not exited (an exited child stays a zombie until waited for)
running() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [ -n "$state" ] && [ "${state:0:1}" != Z ]
}

# stop_server: SIGTERM, then SIGKILL after 10 s; an overloaded server may no longer act on SIGTERM
stop_server() {
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    running "$pid" || break
    sleep 0.1
  done
  if running "$pid"; then
    echo "warning: PID $pid did not stop on SIGTERM within 10 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# value KEY FILE: a number from the bench's JSON output
value() { sed -n "s#^  \"$1\": \\([-0-9.]*\\).*#\\1#p" "$2"; }

# median_spread VALUES...: "median (min-max)"
median_spread() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f (%.2f-%.2f)", m, v[1], v[NR]}'
}

if [ "$mode" = fanout ]; then
  keys="deliveries_per_s:deliveries/s deliveries_per_s_until_the_last_delivery:until_last/s latency_p50_ms:p50_ms latency_p99_ms:p99_ms latency_max_ms:max_ms lost:lost send_lag_max_ms:send_lag_max_ms"
  keys="$keys echo_latency_p50_ms:echo_p50_ms echo_latency_p99_ms:echo_p99_ms"
  keys="$keys server_CPU_per_million_deliveries_s:server_cpu_s_per_M server_peak_RSS_MiB:peak_rss_MiB"
  keys="$keys server_RSS_when_the_sending_began_MiB:rss_at_sending_MiB"
  case " $* " in *" --after-check "*) keys="$keys fresh_registration_to_001_ms:fresh_reg_ms" ;; esac
else
  keys="registrations_per_s:registrations/s time_to_register_and_join_s:join_s server_RSS_per_connection_KiB:rss_per_conn_KiB server_CPU_while_joining_s:server_cpu_s"
fi

width=9
for entry in $servers; do [ ${#entry} -gt $width ] && width=${#entry}; done
printf "%-${width}s" server; for k in $keys; do printf ' %-26s' "${k#*:}"; done; echo
for entry in $servers; do
  name="${entry%%:*}"
  extra=()  # the entry's own bench flags, after the colon
  [ "$entry" != "$name" ] && IFS=, read -r -a extra <<<"${entry#*:}"
  label="$(printf '%s' "$entry" | tr -c 'A-Za-z0-9=.-' _)"  # for file names
  for i in $(seq 1 "$runs"); do
    start_server "$name"
    flags=()  # the entry's flags, with this server's WebSocket port after a bare --websocket
    for f in ${extra[@]+"${extra[@]}"}; do
      if [ "$f" = --websocket ]; then
        [ -n "$web_port" ] || { echo "$entry: --websocket needs chatroom's web port" >&2; stop_server; exit 1; }
        flags+=(--websocket "$web_port")
      else
        flags+=("$f")
      fi
    done
    "$root/chatroom" bench "$mode" --port "$port" "$@" ${flags[@]+"${flags[@]}"} --server-pid "$pid" --json "$out/$label-$i.json" \
      >"$out/$label-$i.txt" 2>"$out/$label-$i.progress" || echo "($entry run $i reported a problem: $out/$label-$i.txt)" >&2
    stop_server
  done
  printf "%-${width}s" "$entry"
  for k in $keys; do
    key="${k%%:*}"
    vals=()
    none=0  # runs whose JSON has this key as text ("none within 10 s") instead of a number
    for i in $(seq 1 "$runs"); do
      f="$out/$label-$i.json"
      v="$( [ -f "$f" ] && value "$key" "$f" || true)"
      if [ -n "$v" ]; then vals+=("$v"); elif [ -f "$f" ] && grep -q "^  \"$key\": \"" "$f"; then none=$((none + 1)); fi
    done
    cell="-"
    [ ${#vals[@]} -gt 0 ] && cell="$(median_spread "${vals[@]}")"
    [ "$none" -gt 0 ] && cell="$cell, none in $none"
    printf ' %-26s' "$cell"
  done
  echo
done
echo "raw results: $out" >&2
