#!/bin/sh
# Installs the tools of docker/tools.lock into $1/bin for architecture $2 (amd64 or arm64),
# each download verified against its pinned SHA-256 before it is unpacked. A tool whose sum is
# not pinned (UNPINNED) stops the build: nothing unverified reaches the image.
# Further arguments name the tools to install (the setup-tools action installs only what its
# job's stages run); none: every tool of the lock (the image).
set -eu
out="$1"
arch="$2"
shift 2
case "$arch" in
  amd64) uarch=x86_64 ; gcloud_arch=x86_64 ; column=4 ;;
  arm64) uarch=aarch64 ; gcloud_arch=arm ; column=5 ;;
  *) echo "install-tools: unknown architecture $arch" >&2; exit 1 ;;
esac
wanted=" $* "
for name in "$@"; do
  grep -v '^#' "$(dirname "$0")/tools.lock" | awk '{print $1}' | grep -qx "$name" \
    || { echo "install-tools: $name is not in tools.lock" >&2; exit 1; }
done
lock="$(dirname "$0")/tools.lock"
mkdir -p "$out/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -v '^#' "$lock" | while read -r name version url sum_amd64 sum_arm64; do
  [ -n "$name" ] || continue
  if [ "$wanted" != "  " ]; then
    case "$wanted" in *" $name "*) ;; *) continue ;; esac
  fi
  if [ "$column" = 4 ]; then sum="$sum_amd64"; else sum="$sum_arm64"; fi
  case "$sum" in
    *[!0-9a-f]* | "") echo "install-tools: $name $version has no pinned SHA-256 for $arch (run scripts/pin-tools.sh)" >&2; exit 1 ;;
  esac
  [ "${#sum}" = 64 ] || { echo "install-tools: $name: the SHA-256 must be 64 hex digits" >&2; exit 1; }
  url=$(echo "$url" | sed -e "s/{version}/$version/g" -e "s/{arch}/$arch/g" -e "s/{uarch}/$uarch/g" -e "s/{gcloud_arch}/$gcloud_arch/g")
  file="$work/$name.download"
  curl -fsSL --retry 3 --connect-timeout 10 --max-time 600 -o "$file" "$url"
  echo "$sum  $file" | sha256sum -c - >/dev/null || { echo "install-tools: $name: SHA-256 mismatch for $url" >&2; exit 1; }
  dir="$work/$name"
  mkdir -p "$dir"
  case "$url" in
    *.zip) unzip -q "$file" -d "$dir" ;;
    *.tar.gz) tar -xzf "$file" -C "$dir" ;;
    *) cp "$file" "$dir/$name" ;;
  esac
  case "$name" in
    awscli) "$dir/aws/install" --install-dir "$out/aws-cli" --bin-dir "$out/bin" >/dev/null ;;
    helm) install -m 0755 "$dir/linux-$arch/helm" "$out/bin/helm" ;;
    # The SDK runs from its own folder (Python, in the image's python3).
    gcloud) rm -rf "$out/google-cloud-sdk" && mv "$dir/google-cloud-sdk" "$out/" && ln -sf ../google-cloud-sdk/bin/gcloud "$out/bin/gcloud" ;;
    *) install -m 0755 "$(find "$dir" -type f -name "$name" | head -n 1)" "$out/bin/$name" ;;
  esac
  echo "install-tools: $name $version ($arch) verified and installed"
done
