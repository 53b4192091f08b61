#!/usr/bin/env bash
# The release artifacts used as an admin uses them; CI runs this after mvn -B package -Pdist.
#  1. The tarball, unpacked anywhere, its launcher run through a symbolic link with no Java to be found (no java on
#     PATH, no JAVA_HOME): --version with the class-data archive required, then a server on free ports that a client
#     joins over plain TCP and over TLS, and a clean stop (SIGTERM, status 0).
#  2. The package (as root; skipped, saying so, otherwise): dpkg -i; the user, the conffile and the data dir as the
#     package makes them; --check-config on the installed config; the installed server, run as the chatroom user on
#     /var/lib/chatroom with free ports, joined by a client, its console attached by root and by a member of the
#     chatroom group through the config's admin socket; systemd-analyze verify on the unit; dpkg -r keeps config,
#     data and user, dpkg --purge takes them all.
# Any failure: one line saying what, and exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(echo target/chatroom-*-linux-x64.tar.gz)
[ -f "$tarball" ] || { echo "check-install: no target/chatroom-*-linux-x64.tar.gz; run mvn -B package -Pdist" >&2; exit 1; }
version=${tarball#target/chatroom-}
version=${version%-linux-x64.tar.gz}
deb=target/chatroom_${version}_amd64.deb
tmp=$(mktemp -d)
server=
installed=
member= # a user this check made, in the chatroom group

cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; fi
  if [ -n "$member" ]; then userdel "$member" 2>/dev/null || true; fi
  if [ -n "$installed" ]; then
    rm -rf /run/chatroom
    dpkg --purge chatroom >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "check-install: FAILED: $*" >&2
  exit 1
}
ok() { echo "check-install: ok: $*"; }

# until FILE has a line matching REGEX, at most SECONDS; prints the first match
await_line() {
  local file=$1 regex=$2 seconds=$3 line
  for _ in $(seq $((seconds * 10))); do
    line=$(grep -E -m1 "$regex" "$file" || true)
    if [ -n "$line" ]; then
      echo "$line"
      return 0
    fi
    if [ -n "$server" ] && ! kill -0 "$server" 2>/dev/null; then break; fi
    sleep 0.1
  done
  fail "no line matching '$regex' in $file within ${seconds}s: $(tail -5 "$file")"
}

# serve LOG COMMAND...: starts a server (its own process, not a shell's) and sets port and tls_port
serve() {
  local log=$1
  shift
  "$@" </dev/null >"$log" 2>&1 &
  server=$!
  local line
  line=$(await_line "$log" 'listening on 127\.0\.0\.1:[0-9]+ and 127\.0\.0\.1:[0-9]+ \(TLS\)' 60)
  port=$(sed -E 's/.*listening on 127\.0\.0\.1:([0-9]+) and.*/\1/' <<<"$line")
  tls_port=$(sed -E 's/.* and 127\.0\.0\.1:([0-9]+) \(TLS\).*/\1/' <<<"$line")
}

# stop: SIGTERM, as systemd stops it; a clean stop is status 0
stop() {
  kill -TERM "$server"
  local status=0
  wait "$server" || status=$?
  server=
  [ "$status" -eq 0 ] || fail "the server stopped with status $status on SIGTERM"
}

# talk NAME COMMAND...: the client COMMAND joins as NAME, says hello, leaves; the room's copy of the line must come back
talk() {
  local name=$1
  shift
  local said
  said=$(printf 'hello from %s\n/leave\n' "$name" | "$@" --host 127.0.0.1 --name "$name" 2>&1) ||
    fail "$name: the client failed: $said"
  grep -q "Welcome to #chatroom, $name" <<<"$said" || fail "$name was not welcomed: $said"
  grep -qE "\] $name: hello from $name" <<<"$said" || fail "$name's line did not come back: $said"
}

# ---- 1. the tarball, with no Java to be found
tar -C "$tmp" -xzf "$tarball"
mkdir "$tmp/bin"
for tool in sh readlink dirname; do ln -s "$(command -v "$tool")" "$tmp/bin/$tool"; done
ln -s "$tmp/chatroom-$version/bin/chatroom" "$tmp/bin/chatroom"
nojava=(env -i "PATH=$tmp/bin" "HOME=$tmp")
! "${nojava[@]}" sh -c 'command -v java' >/dev/null || fail "java is on the test's PATH"
out=$(cd / && "${nojava[@]}" CHATROOM_JAVA_OPTS=-Xshare:on chatroom --version) ||
  fail "the tarball's chatroom --version failed (or its class-data archive did not map): $out"
[ "$out" = "chatroom $version" ] || fail "the tarball's chatroom --version said '$out'"
ok "tarball: chatroom --version through a symbolic link, no java on PATH, class-data archive in use"
serve "$tmp/tarball-server.log" "${nojava[@]}" chatroom server --host 127.0.0.1 --port 0 --tls-port 0 \
  --ssh-port 0 --approve all --data-dir "$tmp/tarball-data"
talk plainuser "${nojava[@]}" chatroom join --port "$port"
talk tlsuser "${nojava[@]}" chatroom join --tls --insecure --port "$tls_port"
stop
grep -q '^Server stopped\.$' "$tmp/tarball-server.log" || fail "no 'Server stopped.' from the tarball's server"
ok "tarball: a server on free ports, a client over TCP and one over TLS, stopped by SIGTERM with status 0"

# ---- 2. the package
if [ "$(id -u)" -ne 0 ]; then
  echo "check-install: SKIPPED the package: dpkg -i needs root, and this runs as $(id -un)"
  exit 0
fi
if dpkg-query -W chatroom >/dev/null 2>&1; then
  fail "a chatroom package is installed already; this check installs and purges it, so run it where there is none"
fi
dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || fail "dpkg -i $deb: $(cat "$tmp/dpkg.log")"
installed=yes
getent passwd chatroom | grep -qE '^chatroom:x:[0-9]+:[0-9]+:[^:]*:/var/lib/chatroom:/usr/sbin/nologin$' ||
  fail "no chatroom system user as expected: $(getent passwd chatroom)"
[ "$(id -u chatroom)" -lt 1000 ] || fail "the chatroom user is not a system user (uid $(id -u chatroom))"
[ "$(readlink -f /usr/bin/chatroom)" = /usr/lib/chatroom/bin/chatroom ] || fail "/usr/bin/chatroom is not the link"
[ "$(stat -c '%a %U %G' /etc/chatroom/chatroom.toml)" = "640 root chatroom" ] ||
  fail "/etc/chatroom/chatroom.toml is $(stat -c '%a %U %G' /etc/chatroom/chatroom.toml)"
dpkg-query -W -f='${Conffiles}\n' chatroom | grep -q '^ /etc/chatroom/chatroom.toml ' || fail "chatroom.toml is no conffile"
grep -qx 'data-dir = "/var/lib/chatroom"' /etc/chatroom/chatroom.toml || fail "the installed config's data-dir"
[ "$(stat -c '%a %U' /var/lib/chatroom)" = "700 chatroom" ] || fail "/var/lib/chatroom is $(stat -c '%a %U' /var/lib/chatroom)"
out=$(chatroom --version) && [ "$out" = "chatroom $version" ] || fail "the installed chatroom --version said '$out'"
ok "package: installed; chatroom user, /usr/bin/chatroom, conffile (640 root:chatroom), /var/lib/chatroom (700)"

as_chatroom=(setpriv --reuid=chatroom --regid=chatroom --init-groups)
out=$("${as_chatroom[@]}" chatroom server --check-config --config /etc/chatroom/chatroom.toml 2>&1) ||
  fail "chatroom server --check-config --config /etc/chatroom/chatroom.toml: $out"
ok "package: --check-config on the installed config, as the chatroom user: $(tail -1 <<<"$out")"

# /run/chatroom, where the config puts the admin socket, as chatroom.service's RuntimeDirectory makes it
install -d -o chatroom -g chatroom -m 0750 /run/chatroom
serve "$tmp/package-server.log" "${as_chatroom[@]}" chatroom server --config /etc/chatroom/chatroom.toml \
  --host 127.0.0.1 --port 0 --tls-port 0 --ssh-port 0 --approve all
talk pkguser chatroom join --port "$port"
# chatroom admin console finds the socket through /etc/chatroom/chatroom.toml: for root, and for the group
out=$(printf '/stats\n' | chatroom admin console 2>&1) && grep -q '^Connected: ' <<<"$out" ||
  fail "root: chatroom admin console did not attach through /run/chatroom/admin.sock: $out"
member=chatroom-check-$$
useradd --system --no-create-home --shell /usr/sbin/nologin --groups chatroom "$member"
out=$(printf '/stats\n' | setpriv --reuid="$member" --regid="$(id -g "$member")" --init-groups chatroom admin console 2>&1) &&
  grep -q '^Connected: ' <<<"$out" || fail "a chatroom group member: chatroom admin console did not attach: $out"
userdel "$member"
member=
stop
rm -rf /run/chatroom # as systemd does when the service stops
[ -s /var/lib/chatroom/chatroom.db ] || fail "the installed server kept no database in /var/lib/chatroom"
ok "package: the installed server, as the chatroom user on /var/lib/chatroom, joined by the installed client;"\
" chatroom admin console attached by root and by a member of the chatroom group"

command -v systemd-analyze >/dev/null || fail "no systemd-analyze to check the unit with (Debian's systemd package)"
out=$(systemd-analyze verify /usr/lib/systemd/system/chatroom.service 2>&1) && [ -z "$out" ] ||
  fail "systemd-analyze verify chatroom.service: $out"
ok "package: systemd-analyze verify accepts chatroom.service"

dpkg -r chatroom >"$tmp/dpkg.log" 2>&1 || fail "dpkg -r chatroom: $(cat "$tmp/dpkg.log")"
[ ! -e /usr/bin/chatroom ] && [ -f /etc/chatroom/chatroom.toml ] && [ -f /var/lib/chatroom/chatroom.db ] &&
  getent passwd chatroom >/dev/null || fail "dpkg -r should remove the program and keep config, data and user"
dpkg --purge chatroom >"$tmp/dpkg.log" 2>&1 || fail "dpkg --purge chatroom: $(cat "$tmp/dpkg.log")"
installed=
[ ! -e /etc/chatroom ] && [ ! -e /var/lib/chatroom ] && ! getent passwd chatroom >/dev/null &&
  ! getent group chatroom >/dev/null || fail "dpkg --purge should remove the config, the data dir, the user and group"
ok "package: dpkg -r kept config, data and user; dpkg --purge removed them"
