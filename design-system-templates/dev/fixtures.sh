#!/usr/bin/env bash
# Component development loop: recompiles src/main/java when it changed (plain javac, no Maven),
# renders govuk-frontend's fixtures and the MoJ Frontend oracle and prints a diff for each failure.
#   dev/fixtures.sh                 all components of both
#   dev/fixtures.sh input label     some govuk-frontend components
#   dev/fixtures.sh moj             every MoJ Frontend case
#   dev/fixtures.sh moj/timeline    one MoJ Frontend component's cases
#   dev/fixtures.sh --quiet         counts only
# Needs one `mvn -pl design-system-templates -am test-compile` first (for the fixtures, the MoJ
# oracle and the test classes); after editing a case under src/test/moj-oracle/cases, run it again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
  # From the root with -am, so that test-support resolves from the reactor (it is never installed).
  (cd .. && mvn -q -o -pl design-system-templates -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null)
fi
stamp=target/.dev-javac
if [ ! -f "$stamp" ] || [ -n "$(find src/main/java src/main/resources -newer "$stamp" -type f | head -1)" ]; then
  javac -nowarn -encoding UTF-8 -d target/classes -cp "$(cat target/classpath.txt)" $(find src/main/java -name '*.java')
  cp -r src/main/resources/. target/classes/
  touch "$stamp"
fi
exec java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.stpkit.templates.fixtures.FixtureRunner --dev src/main/resources/org/stpkit/templates/ftl "$@"
