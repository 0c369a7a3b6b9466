#!/bin/sh
# Writes dist/SHA256SUMS for the release archives given: the file the actions at the release's
# tag verify their download against (scripts/install.sh). The release workflow runs it on the
# binaries it built, commits the file and tags that commit, so the action at a release tag
# installs a verified binary without a compiler.
#
#   scripts/release.sh dist/kkp-delivery-v1.2.3-x86_64-unknown-linux-musl.tar.gz …
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ "$#" -gt 0 ] || { echo "usage: scripts/release.sh ARCHIVE..." >&2; exit 2; }
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
sums="$root/dist/SHA256SUMS"
tmp="$sums.$$"
# Every name is checked before anything is written.
for archive in "$@"; do
  case "$(basename "$archive")" in
    "kkp-delivery-v$version-"*.tar.gz) [ -f "$archive" ] || { echo "release.sh: no file $archive" >&2; exit 2; } ;;
    *) echo "release.sh: $archive is not an archive of v$version (kkp-delivery-v$version-<target>.tar.gz)" >&2; exit 2 ;;
  esac
done
{
  echo "# SHA-256 of the release archives of v$version, written by scripts/release.sh."
  echo "# scripts/install.sh installs an archive only when its sum is listed here."
  for archive in "$@"; do
    name=$(basename "$archive")
    if command -v sha256sum >/dev/null 2>&1; then
      sum=$(sha256sum "$archive" | cut -d ' ' -f 1)
    else
      sum=$(shasum -a 256 "$archive" | cut -d ' ' -f 1)
    fi
    echo "$sum  $name"
  done
} > "$tmp"
mv "$tmp" "$sums"
cat "$sums"
