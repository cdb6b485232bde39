#!/usr/bin/env bash
# benchmarks/forms-load.sh: forms-engine page cycles per second over real HTTP, beside a static page
# of the same size from the same server (the ceiling).
#
#   benchmarks/forms-load.sh             full run (about 2 minutes)
#   benchmarks/forms-load.sh --quick     smoke run: checks that everything works; its figures mean nothing
#   benchmarks/forms-load.sh --no-build  use what is built
#
# The server (Jetty, the servlet adapter, the sample form, in-memory sessions) and the load client
# are separate JVMs on this machine. Writes benchmarks/target/forms-load-report.json.
# Environment: USERS (8), WARMUP_SECONDS (10/2), MEASURE_SECONDS (30/3), SERVER_OPTS (-Xmx1g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=false
build=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "forms-load.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
if $quick; then : "${WARMUP_SECONDS:=2}" "${MEASURE_SECONDS:=3}"; else : "${WARMUP_SECONDS:=10}" "${MEASURE_SECONDS:=30}"; fi
: "${USERS:=8}" "${SERVER_OPTS:=-Xmx1g}"
out="$root/benchmarks/target"
jar="$out/benchmarks.jar"
log() { echo "forms-load.sh: $*" >&2; }

if $build; then
  log "building $jar (mvn -pl benchmarks -am package)"
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
[ -f "$jar" ] || { log "$jar is missing: run without --no-build"; exit 1; }

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
server_out="$(mktemp)"
# shellcheck disable=SC2086
java $SERVER_OPTS -cp "$jar" org.stpkit.benchmarks.FormsServer forms-engine/samples/every-question-type.yaml 0 > "$server_out" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -f "$server_out"' EXIT
for _ in $(seq 100); do
  grep -q '^port ' "$server_out" && break
  kill -0 $server_pid 2>/dev/null || { cat "$server_out" >&2; log "the server did not start"; exit 1; }
  sleep 0.2
done
port="$(awk '/^port /{print $2}' "$server_out")"
[ -n "$port" ] || { cat "$server_out" >&2; log "the server did not start"; exit 1; }
log "server on 127.0.0.1:$port ($(grep '^port ' "$server_out")); $USERS users, ${WARMUP_SECONDS}s warm-up, ${MEASURE_SECONDS}s measured per run"

java -cp "$jar" org.stpkit.benchmarks.FormsLoad "http://127.0.0.1:$port" "$USERS" "$WARMUP_SECONDS" "$MEASURE_SECONDS" > "$out/forms-load.json"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$quick" "$load_start" "$load_end" "$(grep '^port ' "$server_out" | awk '{print $4}')" <<'PY'
import datetime, json, os, sys
out, quick, load_start, load_end, static_bytes = sys.argv[1:]
figures = json.load(open(os.path.join(out, "forms-load.json")))
form, static = figures["form_page_cycle"], figures["static_page"]
report = {
    "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "quick_run": quick == "true",
    "what": "page cycles per second over HTTP: GET a page, POST a valid answer with the CSRF token, GET the page it "
            "redirects to; beside a static page of the same size from the same Jetty (3 GETs a cycle)",
    "server": "Jetty 12, forms-engine servlet adapter, sample form, in-memory sessions, separate JVM",
    "static_page_bytes": int(static_bytes),
    "cpus": os.cpu_count(),
    "load_average_start": load_start,
    "load_average_end": load_end,
    **figures,
    "ratio_form_over_static": round(form["cycles_per_second"] / static["cycles_per_second"], 3),
}
json.dump(report, open(os.path.join(out, "forms-load-report.json"), "w"), indent=2)
print(f"\nforms-engine page cycles, {figures['users']} users" + (" (SMOKE RUN: figures mean nothing)" if quick == "true" else ""))
print(f"  form page cycle   {form['cycles_per_second']:>9,.1f} cycles/s   p50 {form['p50_ms']} ms  p99 {form['p99_ms']} ms")
print(f"  static page       {static['cycles_per_second']:>9,.1f} cycles/s   p50 {static['p50_ms']} ms  p99 {static['p99_ms']} ms  (ceiling, {static_bytes} bytes a page)")
print(f"Form / static: {report['ratio_form_over_static']:.2f}")
print(f"Load average {load_start} at start, {load_end} at end ({os.cpu_count()} CPUs).")
print(f"Report: {os.path.join(out, 'forms-load-report.json')}")
PY
