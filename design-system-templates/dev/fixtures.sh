#!/usr/bin/env bash
# Component development loop: recompiles src/main/java when it changed (plain javac, no Maven),
# renders govuk-frontend's fixtures and prints a diff for each failure.
#   dev/fixtures.sh                 all components
#   dev/fixtures.sh input label     some components
#   dev/fixtures.sh --quiet         counts only
# Needs one `mvn -pl design-system-templates test-compile` first (for the fixtures and test classes).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
  mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
fi
stamp=target/.dev-javac
if [ ! -f "$stamp" ] || [ -n "$(find src/main/java src/main/resources -newer "$stamp" -type f | head -1)" ]; then
  javac -nowarn -encoding UTF-8 -d target/classes -cp "$(cat target/classpath.txt)" $(find src/main/java -name '*.java')
  cp -r src/main/resources/. target/classes/
  touch "$stamp"
fi
exec java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.stpkit.templates.fixtures.FixtureRunner --dev src/main/resources/org/stpkit/templates/ftl "$@"
