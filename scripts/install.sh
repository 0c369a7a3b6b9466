#!/bin/sh
# Installs kkp-delivery for this machine and prints its path (and, in a GitHub Actions step,
# writes `binary=<path>` to $GITHUB_OUTPUT). POSIX sh: it runs in container jobs without bash.
#
# 1. KKP_BINARY_PATH set: that executable, as it is (tests, air-gapped runners).
# 2. Else the release binary of this checkout's version (Cargo.toml) for this OS/architecture,
#    verified against the SHA-256 in dist/SHA256SUMS committed next to this script, and cached
#    (RUNNER_TOOL_CACHE, else ~/.cache). A download that does not match is never installed.
# 3. No release asset for this version/platform: `cargo install --locked` from this checkout.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

found() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "binary=$1" >> "$GITHUB_OUTPUT"; fi
  echo "$1"
  exit 0
}
fail() { echo "::error::kkp-delivery install: $1" >&2; exit "${2:-1}"; }

if [ -n "${KKP_BINARY_PATH:-}" ]; then
  [ -f "$KKP_BINARY_PATH" ] && [ -x "$KKP_BINARY_PATH" ] \
    || fail "binary-path (KKP_BINARY_PATH): expected an executable file, got \"$KKP_BINARY_PATH\"" 2
  found "$KKP_BINARY_PATH"
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
[ -n "$version" ] || fail "no version in $root/Cargo.toml"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-musl ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  *) target="" ;;
esac
asset="kkp-delivery-v$version-$target.tar.gz"
cache="${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}/kkp-delivery/$version/${target:-source}"
[ -x "$cache/kkp-delivery" ] && found "$cache/kkp-delivery"

sum=""
if [ -n "$target" ] && [ -f "$root/dist/SHA256SUMS" ]; then
  sum=$(awk -v a="$asset" '$2 == a || $2 == "*" a { print $1 }' "$root/dist/SHA256SUMS")
fi
if [ -n "$sum" ]; then
  repo="${KKP_RELEASE_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-kkp-delivery/kkp-delivery}}"
  base="${KKP_RELEASES_URL:-https://github.com/$repo/releases/download}"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  url="$base/v$version/$asset"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 --connect-timeout 10 --max-time 300 -o "$tmp/$asset" "$url" || fail "cannot download $url"
  else
    wget -q -T 60 -O "$tmp/$asset" "$url" || fail "cannot download $url"
  fi
  if command -v sha256sum >/dev/null 2>&1; then
    actual=$(sha256sum "$tmp/$asset" | cut -d ' ' -f 1)
  else
    actual=$(shasum -a 256 "$tmp/$asset" | cut -d ' ' -f 1)
  fi
  [ "$actual" = "$sum" ] || fail "$asset has SHA-256 $actual, but dist/SHA256SUMS says $sum: not installed"
  mkdir -p "$cache"
  tar -xzf "$tmp/$asset" -C "$cache" kkp-delivery
  found "$cache/kkp-delivery"
fi

echo "kkp-delivery install: no released binary of v$version for ${target:-this platform}; building from source" >&2
command -v cargo >/dev/null 2>&1 || fail "no release for this runner and no cargo to build one: set binary-path"
cargo install --locked --quiet --path "$root" --root "$cache.build" --bin kkp-delivery
mkdir -p "$cache"
mv "$cache.build/bin/kkp-delivery" "$cache/kkp-delivery"
rm -rf "$cache.build"
found "$cache/kkp-delivery"
