#!/bin/sh
# One version everywhere: Cargo.toml (and Cargo.lock), the generated actions, components and
# pipe (image tags), and the README's references (actions @vX.Y.Z, components @X.Y.Z, the image
# :X.Y.Z).
#   scripts/bump-version.sh X.Y.Z           set it (then commit, then tag vX.Y.Z)
#   scripts/bump-version.sh --check X.Y.Z   fail, naming each file, where another version appears
set -eu
cd "$(dirname "$0")/.."
check=false
if [ "${1:-}" = --check ]; then check=true; shift; fi
new="${1:?usage: scripts/bump-version.sh [--check] X.Y.Z}"
case "$new" in
  *[!0-9.]* | .* | *. | "") echo "bump-version: expected X.Y.Z, got $new" >&2; exit 2 ;;
esac

# Every version reference this project makes to itself, as "file: version" lines.
references() {
  sed -n 's/^version = "\(.*\)"$/Cargo.toml: \1/p' Cargo.toml | head -n 1
  grep -o 'kkp-delivery/kkp-delivery/actions/[a-z-]*@v[0-9][0-9.]*' README.md | sed 's/.*@v/README.md: /'
  grep -o 'kkp-delivery/kkp-delivery/[a-z-]*@[0-9][0-9.]*' README.md | sed 's/.*@/README.md: /'
  for f in README.md pipe.yml templates/*.yml; do
    grep -o 'ghcr.io/kkp-delivery/kkp-delivery:[0-9][0-9.]*' "$f" | sed "s|.*:|$f: |"
  done
}

if $check; then
  bad=$(references | awk -v v="$new" '{ if ($2 != v) print }')
  if [ -n "$bad" ]; then
    echo "bump-version: these name another version than $new:" >&2
    echo "$bad" >&2
    exit 1
  fi
  echo "bump-version: every reference is $new"
  exit 0
fi

old=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
sed -i "0,/^version = \"$old\"/s//version = \"$new\"/" Cargo.toml
sed -i -e "s|\(kkp-delivery/kkp-delivery/actions/[a-z-]*@v\)$old|\1$new|g" \
       -e "s|\(kkp-delivery/kkp-delivery/[a-z-]*@\)$old|\1$new|g" \
       -e "s|\(ghcr.io/kkp-delivery/kkp-delivery:\)$old|\1$new|g" README.md
cargo update --workspace --quiet
# The generated files take the version from Cargo.toml.
cargo run --quiet --bin kkp-delivery -- packaging --write >/dev/null
"$0" --check "$new"
echo "bump-version: $old -> $new; also run scripts/pin-tools.sh if a tool changed, then commit and tag v$new"
