#!/usr/bin/env bash
# benchmarks/notify-load.sh: notify-adapter's dispatch measured against the Notify simulator in a
# process of its own and a fresh database on the machine's PostgreSQL.
#
#   benchmarks/notify-load.sh             full run (about 6 minutes)
#   benchmarks/notify-load.sh --quick     smoke run: checks that everything works; its figures mean nothing
#   benchmarks/notify-load.sh --no-build  use what is built
#
# Three runs, each printed as JSON and gathered in benchmarks/target/notify-load-report.json:
#   throughput  one dispatcher node, no faults, no rate limit: messages per second and CPU ms per
#               message (dispatcher JVM, simulator JVM, PostgreSQL backends, from /proc), measured
#               after a warm-up backlog drained from fresh JVMs (reported too, as "cold");
#   faults      the same with FaultIT's faults (10% 500s, 5% 429s, 5% unanswered) on the measured
#               backlog: messages per second, and its ratio to the fault-free run measured just before
#               (also over the first 90% of each backlog: the last messages of a run with faults
#               wait out a 3 s timeout and a backoff, a tail that is not the rate);
#   window      two nodes draining a backlog at Notify's 3,000 a minute: the busiest 60 s window.
# Environment: MESSAGES (20000/2000), FAULT_MESSAGES (20000/1000), WARM_UP (40000/1000),
# WINDOW_BACKLOG (7000/400), WINDOW_SECONDS (130/10), NODE_OPTS (-Xmx1g), SIMULATOR_OPTS (none).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=false
build=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "notify-load.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
if $quick; then
  : "${MESSAGES:=2000}" "${FAULT_MESSAGES:=1000}" "${WARM_UP:=1000}" "${WINDOW_BACKLOG:=400}" "${WINDOW_SECONDS:=10}"
else
  : "${MESSAGES:=20000}" "${FAULT_MESSAGES:=20000}" "${WARM_UP:=40000}" "${WINDOW_BACKLOG:=7000}" "${WINDOW_SECONDS:=130}"
fi
: "${NODE_OPTS:=-Xmx1g}"
out="$root/benchmarks/target"
jar="$out/benchmarks.jar"
log() { echo "notify-load.sh: $*" >&2; }

if $build; then
  log "building $jar (mvn -pl benchmarks -am package)"
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
[ -f "$jar" ] || { log "$jar is missing: run without --no-build"; exit 1; }

run() {
  log "$* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  java $NODE_OPTS -cp "$jar" org.stpkit.benchmarks.NotifyLoad "$@"
}
throughput="$(run throughput "$MESSAGES" "$WARM_UP")"
faults="$(run faults "$FAULT_MESSAGES" "$WARM_UP")"
window="$(run window "$WINDOW_BACKLOG" "$WINDOW_SECONDS")"
ratio() {
  python3 -c "import json,sys; t=json.loads(sys.argv[1]); f=json.loads(sys.argv[2]); print(round(f[sys.argv[3]]/t[sys.argv[3]],2))" \
    "$throughput" "$faults" "$1"
}
ratio_all="$(ratio messages_per_second)"
ratio_90="$(ratio messages_per_second_first_90_percent)"
printf '{"throughput": %s,\n "faults": %s,\n "faults_over_fault_free": %s,\n "faults_over_fault_free_first_90_percent": %s,\n "window": %s}\n' \
  "$throughput" "$faults" "$ratio_all" "$ratio_90" "$window" | tee "$out/notify-load-report.json"
