#!/usr/bin/env bash
# benchmarks/notify-load.sh: notify-adapter's dispatch measured against the Notify simulator in a
# process of its own and a fresh database on the machine's PostgreSQL.
#
#   benchmarks/notify-load.sh             full run (about 4 minutes)
#   benchmarks/notify-load.sh --quick     smoke run: checks that everything works; its figures mean nothing
#   benchmarks/notify-load.sh --no-build  use what is built
#
# Three runs, each printed as JSON and gathered in benchmarks/target/notify-load-report.json:
#   throughput  one dispatcher node, no faults, no rate limit: messages per second;
#   faults      the same with FaultIT's faults (10% 500s, 5% 429s, 5% unanswered): messages per second,
#               and its ratio to the fault-free run measured just before;
#   window      two nodes draining a backlog at Notify's 3,000 a minute: the busiest 60 s window.
# Environment: MESSAGES (20000/2000), FAULT_MESSAGES (10000/1000), WINDOW_BACKLOG (7000/400),
# WINDOW_SECONDS (130/10), NODE_OPTS (-Xmx1g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=false
build=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "notify-load.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
if $quick; then
  : "${MESSAGES:=2000}" "${FAULT_MESSAGES:=1000}" "${WINDOW_BACKLOG:=400}" "${WINDOW_SECONDS:=10}"
else
  : "${MESSAGES:=20000}" "${FAULT_MESSAGES:=10000}" "${WINDOW_BACKLOG:=7000}" "${WINDOW_SECONDS:=130}"
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
throughput="$(run throughput "$MESSAGES")"
faults="$(run faults "$FAULT_MESSAGES")"
window="$(run window "$WINDOW_BACKLOG" "$WINDOW_SECONDS")"
ratio="$(python3 -c "import json,sys; t=json.loads(sys.argv[1]); f=json.loads(sys.argv[2]); print(round(f['messages_per_second']/t['messages_per_second'],2))" "$throughput" "$faults")"
printf '{"throughput": %s,\n "faults": %s,\n "faults_over_fault_free": %s,\n "window": %s}\n' \
  "$throughput" "$faults" "$ratio" "$window" | tee "$out/notify-load-report.json"
