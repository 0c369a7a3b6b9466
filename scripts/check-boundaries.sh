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
  # a `_ =>` arm within a few lines of an arm whose pattern is a Platform, Forge or RepoRef
  # (a new `match` ends the window: its arms are another match's)
  awk '/match / { near = 0 } /^[[:space:]]*(\|[[:space:]]*)?(Platform|Forge|RepoRef)::[A-Za-z]+[^=]*=>/ { near = 6 } /^[[:space:]]*_ =>/ && near > 0 { print FILENAME ":" FNR ": " $0; found = 1 } { near-- } END { exit !found }' $(find src -name '*.rs')
}
check "a catch-all arm in a match over platforms" catch_all_over_platforms
exit $fail
