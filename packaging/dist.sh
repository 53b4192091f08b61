#!/usr/bin/env bash
# The release artifacts, made from the jar the build has just packaged (mvn -B package -Pdist runs this):
#   chatroom-VERSION-linux-x64.tar.gz  chatroom-VERSION/: bin/chatroom, lib/ (the jar, its class-data archive, the JVM
#                                      options) and runtime/ (jlink: only the modules the program uses); no Java needed
#   chatroom_VERSION_amd64.deb         the same tree as /usr/lib/chatroom, with /usr/bin/chatroom, the chatroom user,
#                                      /etc/chatroom/chatroom.toml and chatroom.service (packaging/deb)
# Usage: packaging/dist.sh VERSION TARGET_DIR JDK_HOME
set -euo pipefail
version=$1 target=$2 jdk=$3
here=$(cd "$(dirname "$0")" && pwd)
name=chatroom-$version
work=$target/dist
tree=$work/$name
rm -rf "$work"
mkdir -p "$tree/bin" "$tree/lib"
say() { echo "dist: $*"; }

# The runtime: the modules jdeps finds in the jar, and those only reached by name at run time, which it cannot
# see. (--multi-release base: the shaded jar carries Netty's module-info under META-INF/versions, with which jdeps
# would take the whole jar for that module.)
found=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release base "$target/chatroom.jar")
by_name=(
  jdk.crypto.ec  # the SunEC provider: TLS key exchange (ECDHE, X25519) and EC certificates
  jdk.naming.dns # DNS through JNDI, which Netty's resolver (under Lettuce) asks for the name servers
  jdk.charsets   # terminals in encodings other than UTF-8 and Latin-1
)
modules="$found,$(IFS=,; echo "${by_name[*]}")"
say "runtime with $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$tree/runtime"
cp "$target/chatroom.jar" "$here/jvm.options" "$tree/lib/"
cp "$here/bin/chatroom" "$tree/bin/"
cp "$here/../README.md" "$tree/"

# The class-data archive (AppCDS; bin/chatroom says why the jar is /dev/fd/3): the classes loaded by short runs of
# what people start most, dumped once into lib/chatroom.jsa.
cds=$work/cds
mkdir -p "$cds"
java=$tree/runtime/bin/java
jar=$tree/lib/chatroom.jar
train() { # LIST ARGS...: runs chatroom ARGS, recording the classes it loads in LIST.classlist
  local list=$1
  shift
  "$java" -XX:DumpLoadedClassList="$cds/$list.classlist" -jar /dev/fd/3 "$@" 3<"$jar" >>"$cds/training.log" 2>&1
}
train version --version
train help server --help
train join-refused join --host 127.0.0.1 --port 1 --name trainee --no-reconnect </dev/null || true
train check server --check-config --data-dir "$cds/data" --port 0 --tls-port 0 --ssh-port 0 </dev/null
# a server, and a client that joins it, speaks and leaves (java started directly: $! is then the server)
"$java" -XX:DumpLoadedClassList="$cds/server.classlist" -jar /dev/fd/3 server --host 127.0.0.1 --port 0 \
  --tls-port 0 --ssh-port 0 --approve all --data-dir "$cds/data" 3<"$jar" </dev/null >>"$cds/training.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
port=
for _ in $(seq 600); do # until it listens, at most 60 s
  port=$(sed -n 's/.* listening on 127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$cds/training.log")
  [ -n "$port" ] || ! kill -0 "$server" 2>/dev/null && break
  sleep 0.1
done
[ -n "$port" ] || { say "the training server did not start; see $cds/training.log" >&2; exit 1; }
printf 'hello\n/leave\n' | train join join --host 127.0.0.1 --port "$port" --name trainee
kill -TERM "$server"
wait "$server"
trap - EXIT
awk '!seen[$0]++' "$cds"/*.classlist >"$cds/classes"
"$java" -Xshare:dump -XX:SharedClassListFile="$cds/classes" -XX:SharedArchiveFile="$tree/lib/chatroom.jsa" \
  -cp /dev/fd/3 3<"$jar" >"$cds/dump.log" 2>&1
# refuses to run (-Xshare:on) unless the archive maps: a build whose archive would be ignored fails here
"$java" -Xshare:on -XX:SharedArchiveFile="$tree/lib/chatroom.jsa" "@$tree/lib/jvm.options" -jar /dev/fd/3 \
  --version 3<"$jar" >/dev/null
say "class-data archive of $(wc -l <"$cds/classes") classes"

tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$target/$name-linux-x64.tar.gz" "$name"
say "$target/$name-linux-x64.tar.gz"

# The package: the same tree, and what makes it a service.
deb=$work/deb
mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/etc/chatroom" "$deb/usr/lib/systemd/system" "$deb/usr/share/doc/chatroom"
cp -a "$tree" "$deb/usr/lib/chatroom"
mv "$deb/usr/lib/chatroom/README.md" "$deb/usr/share/doc/chatroom/"
ln -s ../lib/chatroom/bin/chatroom "$deb/usr/bin/chatroom"
cp "$here/deb/chatroom.service" "$deb/usr/lib/systemd/system/"
conf=$deb/etc/chatroom/chatroom.toml
{
  echo "# chatroom.service runs the server with this file. Check a change before restarting it:"
  echo "#   chatroom server --check-config --config /etc/chatroom/chatroom.toml"
  "$tree/bin/chatroom" server --print-config | sed \
    -e 's|^data-dir = .*|data-dir = "/var/lib/chatroom"|' \
    -e 's|^#\{0,1\} \{0,1\}admin-socket = .*|admin-socket = "/run/chatroom/admin.sock"|' \
    -e 's|^#\{0,1\} \{0,1\}admin-group = .*|admin-group = "chatroom"|'
} >"$conf"
grep -qx 'data-dir = "/var/lib/chatroom"' "$conf" || { say "--print-config has no data-dir line" >&2; exit 1; }
chmod 0640 "$conf" # root's until postinst gives the chatroom group read access
install -m 0755 "$here/deb/postinst" "$here/deb/prerm" "$here/deb/postrm" "$deb/DEBIAN/"
install -m 0644 "$here/deb/conffiles" "$deb/DEBIAN/"
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$(du -sk --exclude=DEBIAN "$deb" | cut -f1)/" \
  "$here/deb/control" >"$deb/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$target/chatroom_${version}_amd64.deb" >/dev/null
say "$target/chatroom_${version}_amd64.deb"
