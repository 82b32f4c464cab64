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
# Usage: tools/base-image/build.sh [output dir]   (default ~/.cache/flops/base-image)
# The OCI layout lands in <output dir>/layout. A second run with the same script is a no-op.
# Needs: dpkg --add-architecture arm64 && apt-get update (once), jlink (openjdk-17-jdk-headless).
# Push it with: java -cp flops-builder.jar io.flops.builder.baseimage.PushBaseImage <layout> <image ref>
set -euo pipefail

OUT="${1:-$HOME/.cache/flops/base-image}"
ARCHES=(amd64 arm64)
PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g libc-bin openjdk-17-jdk-headless)
MODULES=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.zipfs,jdk.httpserver
STAMP="$(sha256sum "$0" | cut -c1-64)"

if [[ -f "$OUT/layout/index.json" && "$(cat "$OUT/stamp" 2>/dev/null)" == "$STAMP" ]]; then
  echo "base image layout up to date: $OUT/layout"
  exit 0
fi

command -v jlink >/dev/null || { echo "jlink is missing: apt-get install -y openjdk-17-jdk-headless" >&2; exit 1; }
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "arm64 is not a dpkg architecture: run 'dpkg --add-architecture arm64 && apt-get update'" >&2
  exit 1
fi

rm -rf "$OUT/work" "$OUT/layout"
mkdir -p "$OUT/debs" "$OUT/work" "$OUT/layout/blobs/sha256"
BLOBS="$OUT/layout/blobs/sha256"

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
  local arch=$1 root=$2 jdk="$OUT/work/jdk-$1"
  mkdir -p "$jdk" "$root/opt"
  dpkg -x "$OUT/debs/$arch/openjdk-17-jdk-headless_"*.deb "$jdk"
  jlink --module-path "$jdk/usr/lib/jvm/java-17-openjdk-$arch/jmods" --add-modules "$MODULES" \
    --strip-java-debug-attributes --no-header-files --no-man-pages --output "$root/opt/java"
}

# layer dir -> prints "<gz digest> <gz size> <tar digest>"; the blob lands in the layout
layer() {
  local dir=$1 tar="$OUT/work/layer.tar" gz="$OUT/work/layer.tar.gz" d
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
  os_rootfs "$arch" "$OUT/work/os-$arch"
  jre_rootfs "$arch" "$OUT/work/jre-$arch"
  read -r os_d os_s os_diff < <(layer "$OUT/work/os-$arch")
  read -r jre_d jre_s jre_diff < <(layer "$OUT/work/jre-$arch")
  cfg="$OUT/work/config-$arch.json"
  printf '{"architecture":"%s","config":{"Env":["JAVA_HOME=/opt/java","LANG=C.UTF-8","PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/app"},"created":"1970-01-01T00:00:00Z","os":"linux","rootfs":{"diff_ids":["sha256:%s","sha256:%s"],"type":"layers"}}' \
    "$arch" "$os_diff" "$jre_diff" >"$cfg"
  read -r cfg_d cfg_s < <(blob "$cfg")
  man="$OUT/work/manifest-$arch.json"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s},{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$cfg_d" "$cfg_s" "$os_d" "$os_s" "$jre_d" "$jre_s" >"$man"
  read -r man_d man_s < <(blob "$man")
  ENTRIES+=("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$man_d\",\"size\":$man_s,\"platform\":{\"architecture\":\"$arch\",\"os\":\"linux\"}}")
  echo "linux/$arch: os layer $os_s bytes, jre layer $jre_s bytes (compressed)" >&2
done

printf '{"imageLayoutVersion":"1.0.0"}' >"$OUT/layout/oci-layout"
IFS=,
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s]}' "${ENTRIES[*]}" >"$OUT/layout/index.json"
unset IFS
rm -rf "$OUT/work"
echo "$STAMP" >"$OUT/stamp"
echo "base image layout: $OUT/layout"
