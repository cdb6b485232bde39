#!/usr/bin/env bash
# Issue 5's scale run: 10,000 generated staff into a real Keycloak (started from the Maven Central
# distribution by idam-client's test harness). Prints and writes idam-client/target/idam-scale.json.
#   benchmarks/idam-scale.sh [people] [concurrency]
# POLICY=roles (default) | groups-only | roles-through-groups picks the access policy;
# GROUPS_ONLY=true is the older spelling of POLICY=groups-only.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-10000}"
concurrency="${2:-8}"
policy="${POLICY:-roles}"
if [ "${GROUPS_ONLY:-false}" = "true" ]; then policy="groups-only"; fi
# -am builds what idam-client needs in this tree; nothing is installed into ~/.m2.
mvn -B verify -pl idam-client -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=IdamScaleBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dstp.idam.people="$people" -Dstp.idam.concurrency="$concurrency" \
  -Dstp.idam.policy="$policy" \
  | grep -E '^\{"people"|Tests run:|ERROR' || true
cat idam-client/target/idam-scale.json
