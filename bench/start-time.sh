#!/usr/bin/env bash
# Start time of `chatroom --version` and of `chatroom join` to a port nothing listens on (the client starts, tries,
# exits 1): the plain jar against the release's launcher, RUNS times each, interleaved so that the machine's drift
# falls on all alike. Wall-clock milliseconds (median, mean, min) and CPU time (median, user + system).
#   usage: bench/start-time.sh [RUNS]     (default 20; needs mvn -B package -Pdist)
# Rows: the plain jar as ./chatroom runs it; the same with C1 alone (as the release runs these commands); the release.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
release=$(echo target/dist/chatroom-*/bin/chatroom)
[ -x "$release" ] || { echo "no release in target/dist; run mvn -B package -Pdist" >&2; exit 1; }
# port 1 (tcpmux) is privileged and unused: the join is refused at once
! (exec 3<>/dev/tcp/127.0.0.1/1) 2>/dev/null || { echo "something listens on 127.0.0.1:1" >&2; exit 1; }
join=(join --host 127.0.0.1 --port 1 --name bench --no-reconnect)

labels=() commands=()
row() { labels+=("$1"); commands+=("$2"); }
for what in version join; do
  if [ $what = version ]; then args=--version; else args="${join[*]}"; fi
  row "$what: plain jar" "java @packaging/jvm.options -jar target/chatroom.jar $args"
  row "$what: plain jar, C1" "java @packaging/jvm.options -XX:TieredStopAtLevel=1 -jar target/chatroom.jar $args"
  row "$what: release" "$release $args"
done

times=$(mktemp)
trap 'rm -f "$times"' EXIT
declare -A wall cpu
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -o "$times" -f '%e %U %S' bash -c "${commands[$i]}" </dev/null >/dev/null 2>&1 || true
    read -r e u s < <(tail -1 "$times") # after "Command exited with non-zero status 1", for the join
    wall[$i]+="$(awk -v e="$e" 'BEGIN { printf "%d", e * 1000 }') "
    cpu[$i]+="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }') "
  done
done
stats() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1; t += $1 } END { printf "%5d %5d %5d", a[int((NR + 1) / 2)], t / NR, a[1] }'; }
printf '%-30s %28s %12s\n' "" "wall ms: median  mean   min" "cpu median"
for i in "${!commands[@]}"; do
  printf '%-30s %28s %12s\n' "${labels[$i]}" "$(stats <<<"${wall[$i]}")" "$(stats <<<"${cpu[$i]}" | awk '{ print $1 }')"
done
