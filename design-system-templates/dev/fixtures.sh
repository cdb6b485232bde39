#!/usr/bin/env bash
# Template development loop: renders govuk-frontend's fixtures with the .ftlh files in src/ (no
# rebuild needed after editing them) and prints a diff for each failure.
#   dev/fixtures.sh                 all components
#   dev/fixtures.sh input label     some components
#   dev/fixtures.sh --quiet         counts only
# Needs one `mvn -pl design-system-templates test-compile` first (and again after Java changes).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
  mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
fi
exec java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.stpkit.templates.fixtures.FixtureRunner --dev src/main/resources/org/stpkit/templates/ftl "$@"
