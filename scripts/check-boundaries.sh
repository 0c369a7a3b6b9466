#!/usr/bin/env bash
# The module boundaries of docs/ARCHITECTURE.md, checked by grep so a change that crosses one
# fails CI with the line that did it.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() { # description, then a grep command that must find nothing
  local what=$1; shift
  if out=$("$@"); then
    echo "boundary broken: $what" >&2
    echo "$out" >&2
    fail=1
  fi
}
# A stage never names a host: it talks to the Forge and returns a neutral Report.
check "a file under src/stages/ names a platform" \
  grep -rnE -e '[Gg]it[Hh]ub|[Gg]it[Ll]ab|[Bb]itbucket|\bPlatform\b' src/stages
# tools/ and report/ are used by every stage and every platform, and import neither.
check "src/tools or src/report imports platform or stages" \
  grep -rnE 'crate::(platform|stages|publish|cli)\b' src/tools src/report
# No import cycle between context, changes and platform, not even through another room:
# context imports neither; changes does not import platform (the caller hands it the host's
# answer); platform imports neither changes, nor the publisher that imports it.
check "src/context.rs imports changes or platform" \
  grep -nE 'crate::(changes|platform|stages|publish)\b' src/context.rs
check "src/changes imports platform, stages or the publisher" \
  grep -rnE 'crate::(platform|stages|publish|cli)\b' src/changes
check "src/platform imports changes, stages or the publisher" \
  grep -rnE 'crate::(changes|stages|publish|cli)\b' src/platform
# No catch-all arm over stages or platforms: adding a variant must be a compile error at each
# place that decides per platform.
catch_all_over_platforms() {
  # a `_ =>` arm within a few lines of an arm whose pattern is a Platform, Forge, RepoRef or
  # the Forge's Host
  # (a new `match` ends the window: its arms are another match's)
  awk '/match / { near = 0 } /^[[:space:]]*(\|[[:space:]]*)?(Platform|Forge|RepoRef|Host)::[A-Za-z]+[^=]*=>/ { near = 6 } /^[[:space:]]*_ =>/ && near > 0 { print FILENAME ":" FNR ": " $0; found = 1 } { near-- } END { exit !found }' $(find src -name '*.rs')
}
check "a catch-all arm in a match over platforms" catch_all_over_platforms

# Every variable the product reads is declared once, in the catalogue (src/env.rs, `vars`):
# library code reads the snapshot only through a declared `Var`, never by a literal name, and a
# flag's own variable only through the flag grammar.
check "an environment variable read by a literal name outside src/env.rs" \
  grep -rnE '\b(get|is_true|flag_variable)\("[A-Z][A-Z0-9_]*"\)' --include='*.rs' src --exclude=env.rs
check "a flag's variable read outside the flag grammar (src/flags.rs)" \
  grep -rnE 'flag_variable\(' --include='*.rs' src --exclude=env.rs --exclude=flags.rs
check "the process environment read outside src/main.rs and the entry point" \
  grep -rnE 'std::env::var(s|_os|s_os)?\(' --include='*.rs' src --exclude=main.rs --exclude=cli.rs

# The layers, bottom to top (docs/ARCHITECTURE.md, "The layers"): a room imports only rooms of
# its own layer or below, so the house has no import that runs back up. Within a layer the
# rooms are ordered by farm-studio's floors and have no circle.
declare -A layer=(
  [env]=1 [error]=1 [files]=1 [text]=1 [process]=1 [tls]=1
  [context]=2 [git]=2 [mask]=2 [kubernetes]=2
  [changes]=3 [installations]=3
  [decision]=4
  [report]=5
  [tools]=6 [platform]=6 [download]=6
  [stages]=7
  [flags]=8 [publish]=8 [walk]=8
  [packaging]=9 [onboarding]=9 [cli]=9 [registry_tests]=9
)
imports_up() {
  local found=1 file room mine used
  while IFS= read -r file; do
    room=${file#src/}; room=${room%%/*}; room=${room%.rs}
    [ "$room" = lib ] || [ "$room" = main ] && continue
    mine=${layer[$room]:-}
    if [ -z "$mine" ]; then echo "$file: room $room has no layer in scripts/check-boundaries.sh"; found=0; continue; fi
    while IFS= read -r used; do
      [ -n "${layer[$used]:-}" ] || continue
      if [ "${layer[$used]}" -gt "$mine" ]; then
        echo "$file: $room (layer $mine) imports $used (layer ${layer[$used]})"; found=0
      fi
    done < <(grep -oE 'crate::[a-z_]+' "$file" | sed 's/crate:://' | sort -u)
  done < <(find src -name '*.rs' | sort)
  return $found
}
check "an import from a lower layer to a higher one" imports_up
exit $fail
