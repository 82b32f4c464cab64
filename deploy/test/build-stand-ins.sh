#!/usr/bin/env bash
# Builds the stand-ins for two images of the suite that a machine without Docker Hub cannot pull, from
# the real programs Debian packages (installed on this host by .ci/install), into the local Podman
# storage, for docker-compose.stand-ins.yml (used by ComposeSuiteIT):
#   mosquitto  Debian's mosquitto 2: its binaries and the libraries they load
#   registry   Debian's docker-registry (the CNCF Distribution registry), the same way
# Each holds busybox (static) for the shell, sed, chown and wget the compose file's commands and
# health checks use. (The MongoDB and MLflow stand-ins are Java programs: ComposeSuiteIT builds them
# with Jib on FLOps' JRE base.)
#
# Usage: build-stand-ins.sh
set -euo pipefail
PREFIX=localhost/flops-stand-in
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# the binaries, the libraries they load (ldd) and busybox with its applets, under rootfs $1
native_rootfs() {
  local root=$1; shift
  mkdir -p "$root/bin" "$root/etc" "$root/tmp"
  chmod 1777 "$root/tmp"
  local binary lib
  for binary in "$@"; do
    install -D "$binary" "$root$binary"
    for lib in $(ldd "$binary" | grep -o '/[^ ]*'); do
      [[ -e "$root$lib" ]] || install -D "$(readlink -f "$lib")" "$root$lib"
    done
  done
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh sed chown cat wget sleep; do ln -sf busybox "$root/bin/$applet"; done
  printf 'hosts: files dns\npasswd: files\ngroup: files\n' >"$root/etc/nsswitch.conf"
}

import() { # rootfs image entrypoint-json cmd-json
  tar -C "$1" -c . | podman import --quiet --change "ENTRYPOINT $3" --change "CMD $4" \
    --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' - "$2" >/dev/null
  echo "built $2"
}

# mosquitto: runs as root, drops to user mosquitto as Debian's does
root="$WORK/mosquitto"
native_rootfs "$root" /usr/sbin/mosquitto /usr/bin/mosquitto_passwd /usr/bin/mosquitto_sub
printf 'root:x:0:0:root:/root:/bin/sh\nmosquitto:x:1883:1883:mosquitto:/mosquitto:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nmosquitto:x:1883:\n' >"$root/etc/group"
mkdir -p "$root/mosquitto/config" "$root/mosquitto/data" "$root/run/mosquitto"
chown 1883:1883 "$root/mosquitto/data"   # as in eclipse-mosquitto: the broker writes its database there
import "$root" "$PREFIX/mosquitto:test" '[]' '["/usr/sbin/mosquitto","-c","/mosquitto/config/mosquitto.conf"]'

# registry: Debian's configuration, storage at /var/lib/registry, HTTP on :5000
root="$WORK/registry"
native_rootfs "$root" /usr/bin/docker-registry
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
mkdir -p "$root/etc/docker/registry" "$root/var/lib/registry"
cat >"$root/etc/docker/registry/config.yml" <<'CONF'
version: 0.1
storage:
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
CONF
import "$root" "$PREFIX/registry:test" '["/usr/bin/docker-registry"]' '["serve","/etc/docker/registry/config.yml"]'
