#!/usr/bin/env bash
# Builds FLOps' multi-platform Java 17 base image (linux/amd64 + linux/arm64) as an OCI image layout,
# without Docker Hub and without running any arm64 code:
#   - one OS layer per platform: the files of Debian's libc6, libgcc-s1, libstdc++6 and zlib1g
#     (apt-get download + dpkg -x, nothing installed), the C.utf8 locale, /etc/passwd, /etc/group,
#     /etc/nsswitch.conf and /tmp (1777);
#   - one JRE layer per platform at /opt/java, jlinked by the host's jlink from Debian's jmods of
#     that platform (openjdk-17-jdk-headless:<arch>).
# Layers are reproducible (sorted entries, mtime 0, numeric root owner, gzip -n).
#
# Usage: tools/base-image/build.sh [output dir] [jre|jdk]   (default ~/.cache/flops/base-image, jre)
#   jre: the runtime base of every FLOps image; the OCI layout lands in <output dir>/layout.
#   jdk: the builder's base: the same OS layer, a runtime that also has javac (jdk.compiler), and
#        busybox (static) as /bin/sh and its applets, so Maven's own bin/mvn runs; in <output dir>/layout-jdk.
# A second run with the same script is a no-op.
# Needs: dpkg --add-architecture arm64 && apt-get update (once), jlink (openjdk-17-jdk-headless).
# Push it with: java -cp flops-builder.jar io.flops.builder.baseimage.PushBaseImage <layout> <image ref>
set -euo pipefail

OUT="${1:-$HOME/.cache/flops/base-image}"
VARIANT="${2:-jre}"
ARCHES=(amd64 arm64)
PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g libc-bin openjdk-17-jdk-headless)
# jdk.net: the manager drives a Docker engine through its Unix socket (docker-java uses jdk.net.Sockets)
MODULES=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.zipfs,jdk.httpserver,jdk.net
case "$VARIANT" in
  jre) LAYOUT="$OUT/layout" STAMP_FILE="$OUT/stamp" ;;
  jdk) LAYOUT="$OUT/layout-jdk" STAMP_FILE="$OUT/stamp-jdk"
       MODULES="$MODULES,jdk.compiler" PACKAGES+=(busybox-static) ;;
  *) echo "unknown variant '$VARIANT': jre or jdk" >&2; exit 2 ;;
esac
STAMP="$(sha256sum "$0" | cut -c1-64)"

if [[ -f "$LAYOUT/index.json" && "$(cat "$STAMP_FILE" 2>/dev/null)" == "$STAMP" ]]; then
  echo "base image layout up to date: $LAYOUT"
  exit 0
fi

command -v jlink >/dev/null || { echo "jlink is missing: apt-get install -y openjdk-17-jdk-headless" >&2; exit 1; }
if [[ "$VARIANT" == jdk ]] && ! command -v busybox >/dev/null; then
  echo "busybox is missing (its applet list names the links): apt-get install -y busybox-static" >&2; exit 1
fi
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "arm64 is not a dpkg architecture: run 'dpkg --add-architecture arm64 && apt-get update'" >&2
  exit 1
fi

WORK="$OUT/work-$VARIANT"
rm -rf "$WORK" "$LAYOUT"
mkdir -p "$OUT/debs" "$WORK" "$LAYOUT/blobs/sha256"
BLOBS="$LAYOUT/blobs/sha256"

download() { # arch
  local dir="$OUT/debs/$1"
  mkdir -p "$dir"
  for pkg in "${PACKAGES[@]}"; do
    if ! ls "$dir/${pkg}_"*.deb >/dev/null 2>&1; then
      (cd "$dir" && apt-get download -q -o APT::Sandbox::User=root "$pkg:$1" >/dev/null)
    fi
  done
}

os_rootfs() { # arch dir
  local arch=$1 root=$2 tmp
  mkdir -p "$root"
  for pkg in libc6 libgcc-s1 libstdc++6 zlib1g; do dpkg -x "$OUT/debs/$arch/${pkg}_"*.deb "$root"; done
  tmp="$(mktemp -d)"
  dpkg -x "$OUT/debs/$arch/libc-bin_"*.deb "$tmp"
  mkdir -p "$root/usr/lib/locale"
  cp -a "$tmp/usr/lib/locale/C.utf8" "$root/usr/lib/locale/"
  rm -rf "$tmp" "$root/usr/share/doc" "$root/usr/share/lintian" "$root/usr/share/man" "$root/usr/share/gdb"
  mkdir -p "$root/etc" "$root/tmp" "$root/app"
  chmod 1777 "$root/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
}

jre_rootfs() { # arch dir
  local arch=$1 root=$2 jdk="$WORK/jdk-$1"
  mkdir -p "$jdk" "$root/opt"
  dpkg -x "$OUT/debs/$arch/openjdk-17-jdk-headless_"*.deb "$jdk"
  jlink --module-path "$jdk/usr/lib/jvm/java-17-openjdk-$arch/jmods" --add-modules "$MODULES" \
    --strip-java-debug-attributes --no-header-files --no-man-pages --output "$root/opt/java"
}

busybox_rootfs() { # arch dir: /bin/busybox and one symlink per applet (the same Debian version for every arch)
  local arch=$1 root=$2 applet
  dpkg -x "$OUT/debs/$arch/busybox-static_"*.deb "$root"
  rm -rf "$root/usr"
  for applet in $(busybox --list); do
    [[ -e "$root/bin/$applet" ]] || ln -s busybox "$root/bin/$applet"
  done
}

# layer dir -> prints "<gz digest> <gz size> <tar digest>"; the blob lands in the layout
layer() {
  local dir=$1 tar="$WORK/layer.tar" gz="$WORK/layer.tar.gz" d
  (cd "$dir" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort |
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf "$tar" -T -)
  gzip -n -6 -c "$tar" >"$gz"
  d="$(sha256sum "$gz" | cut -c1-64)"
  mv "$gz" "$BLOBS/$d"
  echo "$d $(stat -c %s "$BLOBS/$d") $(sha256sum "$tar" | cut -c1-64)"
  rm -f "$tar"
}

blob() { # file -> prints "<digest> <size>"
  local d
  d="$(sha256sum "$1" | cut -c1-64)"
  cp "$1" "$BLOBS/$d"
  echo "$d $(stat -c %s "$1")"
}

ENTRIES=()
for arch in "${ARCHES[@]}"; do
  echo "building linux/$arch" >&2
  download "$arch"
  os_rootfs "$arch" "$WORK/os-$arch"
  jre_rootfs "$arch" "$WORK/jre-$arch"
  read -r os_d os_s os_diff < <(layer "$WORK/os-$arch")
  read -r jre_d jre_s jre_diff < <(layer "$WORK/jre-$arch")
  diff_ids="\"sha256:$os_diff\",\"sha256:$jre_diff\""
  layers="$(printf '{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s},{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}' "$os_d" "$os_s" "$jre_d" "$jre_s")"
  if [[ "$VARIANT" == jdk ]]; then
    busybox_rootfs "$arch" "$WORK/busybox-$arch"
    read -r bb_d bb_s bb_diff < <(layer "$WORK/busybox-$arch")
    diff_ids="$diff_ids,\"sha256:$bb_diff\""
    layers="$layers$(printf ',{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}' "$bb_d" "$bb_s")"
  fi
  cfg="$WORK/config-$arch.json"
  printf '{"architecture":"%s","config":{"Env":["JAVA_HOME=/opt/java","LANG=C.UTF-8","PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/app"},"created":"1970-01-01T00:00:00Z","os":"linux","rootfs":{"diff_ids":[%s],"type":"layers"}}' \
    "$arch" "$diff_ids" >"$cfg"
  read -r cfg_d cfg_s < <(blob "$cfg")
  man="$WORK/manifest-$arch.json"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$cfg_d" "$cfg_s" "$layers" >"$man"
  read -r man_d man_s < <(blob "$man")
  ENTRIES+=("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$man_d\",\"size\":$man_s,\"platform\":{\"architecture\":\"$arch\",\"os\":\"linux\"}}")
  echo "linux/$arch: os layer $os_s bytes, jre layer $jre_s bytes (compressed)" >&2
done

printf '{"imageLayoutVersion":"1.0.0"}' >"$LAYOUT/oci-layout"
IFS=,
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s]}' "${ENTRIES[*]}" >"$LAYOUT/index.json"
unset IFS
rm -rf "$WORK"
echo "$STAMP" >"$STAMP_FILE"
echo "base image layout: $LAYOUT"
