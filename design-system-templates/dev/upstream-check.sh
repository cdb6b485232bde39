#!/usr/bin/env bash
# When govuk-frontend or MoJ Frontend releases: what changed since the pinned versions, and what to
# port. Fetches the releases with npm, lists every template, macro option, fixture and asset that
# changed, runs the fixture suites (govuk-frontend's fixtures, and the MoJ oracle re-rendered by the
# new MoJ macros) against our components, and writes target/upstream-check/report.md (and
# report.json, and a diff per changed template under target/upstream-check/diffs/).
#
#   dev/upstream-check.sh                              the newest published releases
#   dev/upstream-check.sh --govuk 6.6.0 --moj 11.1.0   these releases
#   dev/upstream-check.sh --from-govuk 6.5.0 --govuk 6.6.0
#                                                      compare from another release than the pinned one
#
# Needs one `mvn -pl design-system-templates -am test-compile` first (our classes and the test
# runner), Node.js and npm. It changes nothing outside target/: moving the pins is the port itself
# (package.json, package-lock.json, and the pom's moj-frontend.version or the parent's govuk-frontend.version).
set -euo pipefail
cd "$(dirname "$0")/.."

pinned() { node -p "require('./package.json').dependencies['$1']"; }
newest() { npm view "$1" version 2>/dev/null || { echo "upstream-check: cannot ask npm for $1's newest version" >&2; exit 1; }; }

from_govuk="$(pinned govuk-frontend)"
from_moj="$(pinned @ministryofjustice/frontend)"
to_govuk=""
to_moj=""
while [ $# -gt 0 ]; do
  case "$1" in
    --govuk) to_govuk="$2"; shift 2 ;;
    --moj) to_moj="$2"; shift 2 ;;
    --from-govuk) from_govuk="$2"; shift 2 ;;
    --from-moj) from_moj="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "upstream-check: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$to_govuk" ] || to_govuk="$(newest govuk-frontend)"
[ -n "$to_moj" ] || to_moj="$(newest @ministryofjustice/frontend)"
if [ ! -d target/test-classes/org/stpkit/templates/fixtures ]; then
  echo "upstream-check: run 'mvn -pl design-system-templates -am test-compile' first" >&2
  exit 1
fi

work=target/upstream-check
rm -rf "$work"
mkdir -p "$work"
nunjucks="$(node -p "require('./package.json').devDependencies.nunjucks")"
moment="$(node -p "require('./package.json').devDependencies.moment")"

# One folder per side, each its own npm project, so that npm resolves each pair on its own.
install() {
  local side="$1" govuk="$2" moj="$3"
  mkdir -p "$work/$side"
  cat > "$work/$side/package.json" <<JSON
{"name": "stp-upstream-$side", "private": true, "dependencies": {
  "govuk-frontend": "$govuk", "@ministryofjustice/frontend": "$moj", "nunjucks": "$nunjucks", "moment": "$moment"}}
JSON
  echo "upstream-check: fetching govuk-frontend $govuk and MoJ Frontend $moj ($side)" >&2
  (cd "$work/$side" && npm install --no-audit --no-fund --loglevel=error --legacy-peer-deps >/dev/null)
}
install old "$from_govuk" "$from_moj"
install new "$to_govuk" "$to_moj"

# Each side's fixtures against our components: govuk-frontend's own, and our MoJ cases rendered by
# that side's MoJ macros (macros without cases are listed, not fatal).
for side in old new; do
  node src/test/moj-oracle/render.js --modules "$work/$side/node_modules" --cases src/test/moj-oracle/cases \
    --out "$work/$side/moj-oracle" --allow-missing > "$work/$side/moj-oracle.log" 2>&1 \
    || { cat "$work/$side/moj-oracle.log" >&2; echo "upstream-check: the MoJ oracle could not be rendered with the $side release" >&2; }
  dev/fixtures.sh --quiet \
    --govuk-fixtures "$work/$side/node_modules/govuk-frontend/dist/govuk/components" \
    --moj-fixtures "$work/$side/moj-oracle" \
    --json "$work/$side.json" > "$work/$side-fixtures.log" 2>&1 || true
  [ -f "$work/$side.json" ] || { cat "$work/$side-fixtures.log" >&2; exit 1; }
done

node dev/upstream-report.js --old "$work/old/node_modules" --new "$work/new/node_modules" --runs "$work" --out "$work"
