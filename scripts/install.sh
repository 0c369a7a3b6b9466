#!/bin/sh
# Installs kkp-delivery for this machine and prints its path (and, in a GitHub Actions step,
# writes `binary=<path>` to $GITHUB_OUTPUT). POSIX sh: it runs in container jobs without bash.
#
# 1. KKP_BINARY_PATH set: that executable, as it is (tests, air-gapped runners).
# 2. Else the release archive of this checkout's version (Cargo.toml) for this OS/architecture,
#    verified in THIS run against the SHA-256 in dist/SHA256SUMS committed next to this script.
#    The verified archive is cached (RUNNER_TOOL_CACHE, else ~/.cache) and hashed again on every
#    use; the binary is unpacked into a fresh private folder of this job (RUNNER_TEMP, else
#    TMPDIR). Nothing in the cache is ever run or returned as it is: on a persistent runner,
#    another job can write there.
# 3. No release for this version/platform: built from this checkout's source with
#    `--profile ci-install`, in a fresh folder, with an environment holding none of the job's
#    variables but the toolchain's (PATH, HOME, the cargo/rustup homes, proxies, CA files).
#
# KKP_INSTALL_CACHE: the platform's job cache (the actions restore it with actions/cache into
# this job's RUNNER_TEMP, keyed by `install.sh --cache-key`): archives there are hashed again
# like any other; a binary built from source is kept there under the hash of the source it was
# built from, so the next job of the same source skips the build.
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

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

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
# The hash of what a source build compiles: the key of a binary built from it.
source_hash=$(cd "$root" && find src Cargo.toml Cargo.lock build.rs -type f 2>/dev/null | LC_ALL=C sort \
  | while read -r f; do sha256 "$f"; echo "$f"; done | sha256 /dev/stdin)
if [ "${1:-}" = "--cache-key" ]; then
  key="kkp-delivery-v$version-${target:-unknown}-$source_hash"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "key=$key" >> "$GITHUB_OUTPUT"; fi
  echo "$key"
  exit 0
fi
cache="${KKP_INSTALL_CACHE:-${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}/kkp-delivery/$version}"
# This run's own folder (mode 0700): the binary it returns lives here and nowhere else.
run_dir=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/kkp-delivery.XXXXXX")

sum=""
if [ -n "$target" ] && [ -f "$root/dist/SHA256SUMS" ]; then
  sum=$(awk -v a="$asset" '($2 == a || $2 == "*" a) && $1 ~ /^[0-9a-f]+$/ && length($1) == 64 { print $1 }' "$root/dist/SHA256SUMS" | head -n 1)
fi

# Unpacks the binary of a verified archive into this run's folder and returns it.
unpack() {
  tar -xzf "$1" -C "$run_dir" kkp-delivery 2>/dev/null \
    || tar -xzf "$1" -C "$run_dir" ./kkp-delivery 2>/dev/null \
    || fail "cannot unpack kkp-delivery from $asset"
  [ -f "$run_dir/kkp-delivery" ] && [ ! -L "$run_dir/kkp-delivery" ] || fail "$asset holds no kkp-delivery file"
  chmod 0755 "$run_dir/kkp-delivery"
  found "$run_dir/kkp-delivery"
}

if [ -n "$sum" ]; then
  cached="$cache/$asset"
  if [ -f "$cached" ] && [ ! -L "$cached" ]; then
    cp "$cached" "$run_dir/$asset"
    if [ "$(sha256 "$run_dir/$asset")" = "$sum" ]; then
      unpack "$run_dir/$asset"
    fi
    echo "kkp-delivery install: the cached $asset does not match dist/SHA256SUMS; downloading it again" >&2
    rm -f "$run_dir/$asset"
  fi
  repo="${KKP_RELEASE_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-kkp-delivery/kkp-delivery}}"
  base="${KKP_DELIVERY_RELEASES_URL:-https://github.com/$repo/releases/download}"
  url="$base/v$version/$asset"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 --connect-timeout 10 --max-time 300 --max-filesize 67108864 \
      -o "$run_dir/$asset" "$url" || fail "cannot download $url"
  else
    wget -q -T 60 -O "$run_dir/$asset" "$url" || fail "cannot download $url"
  fi
  actual=$(sha256 "$run_dir/$asset")
  if [ "$actual" != "$sum" ]; then
    rm -f "$run_dir/$asset"
    fail "$asset has SHA-256 $actual, but dist/SHA256SUMS says $sum: not installed"
  fi
  # Kept for the next job, which hashes it again before use.
  if mkdir -p "$cache" 2>/dev/null && cp "$run_dir/$asset" "$cache/$asset.$$" 2>/dev/null; then
    mv -f "$cache/$asset.$$" "$cached" 2>/dev/null || rm -f "$cache/$asset.$$"
  fi
  unpack "$run_dir/$asset"
fi

built="${KKP_INSTALL_CACHE:+$KKP_INSTALL_CACHE/source-$source_hash/kkp-delivery}"
if [ -n "$built" ] && [ -f "$built" ] && [ ! -L "$built" ]; then
  echo "kkp-delivery install: v$version built from this source by an earlier job (the job cache)" >&2
  cp "$built" "$run_dir/kkp-delivery"
  chmod 0755 "$run_dir/kkp-delivery"
  found "$run_dir/kkp-delivery"
fi
echo "kkp-delivery install: no released binary of v$version for ${target:-this platform}; building from source (--profile ci-install)" >&2
command -v cargo >/dev/null 2>&1 || fail "no release for this runner and no cargo to build one: set binary-path"
# Build scripts of every dependency run here: they get the toolchain's variables only, never
# the job's tokens, keys or cloud credentials. The build runs in this run's own folder, not in
# the job's checkout (a pull request's .cargo/config.toml or rust-toolchain.toml must not
# choose the compiler or wrap it), with a fresh CARGO_HOME (a persistent runner's ~/.cargo is
# writable by earlier jobs; cargo does not hash its unpacked sources again).
set -- PATH="$PATH" HOME="${HOME:-$run_dir}" CARGO_HOME="$run_dir/cargo-home"
for name in RUSTUP_HOME RUSTUP_TOOLCHAIN HTTPS_PROXY https_proxy HTTP_PROXY http_proxy \
  NO_PROXY no_proxy SSL_CERT_FILE SSL_CERT_DIR CARGO_NET_OFFLINE CARGO_HTTP_CAINFO; do
  eval "value=\${$name-}"
  if [ -n "$value" ]; then set -- "$@" "$name=$value"; fi
done
(cd "$run_dir" && env -i "$@" cargo build --locked --quiet --profile ci-install --bin kkp-delivery \
  --manifest-path "$root/Cargo.toml" --target-dir "$run_dir/target") \
  || fail "cargo build failed"
rm -rf "$run_dir/cargo-home"
mv "$run_dir/target/ci-install/kkp-delivery" "$run_dir/kkp-delivery"
rm -rf "$run_dir/target"
if [ -n "$built" ] && mkdir -p "$(dirname "$built")" 2>/dev/null; then
  cp "$run_dir/kkp-delivery" "$built.$$" && mv -f "$built.$$" "$built"
fi
found "$run_dir/kkp-delivery"
