#!/usr/bin/env bash
# benchmarks/forms-load.sh: forms-engine page cycles per second over real HTTP.
#
#   1. One instance, in-memory sessions: a form page cycle beside a static page of the same size from
#      the same server (the ceiling), 8 users.
#   2. One instance with sessions in Redis and the PostgreSQL outbox (the shape of hof's figure), 8
#      users completing the sample form; then two instances behind the client (round-robin on every
#      request), sessions in Redis, submissions through the outbox on PostgreSQL to a signed webhook:
#      8 and then 200 users completing the sample form again and again; lost answers and duplicate
#      submissions counted at the receiver.
#
#   benchmarks/forms-load.sh             full run (about 15 minutes: each run warms up until its rate settles)
#   benchmarks/forms-load.sh --quick     smoke run: checks that everything works; its figures mean nothing
#   benchmarks/forms-load.sh --no-build  use what is built
#   benchmarks/forms-load.sh --no-scale  only the one-instance runs
#
# Each run warms up until its rate stops growing (at least WARMUP_SECONDS, at most WARMUP_MAX_SECONDS: the
# servers' JIT takes minutes to compile a whole journey when client, servers, Redis and PostgreSQL share two
# cores), then measures for MEASURE_SECONDS; the report gives each warm-up's length and its rate every 5 s.
# Each run also reports the server JVMs' CPU over the measured window a request
# (server_cpu_ms_per_request, from /proc/<pid>/stat), which holds up better than a rate on a shared machine.
#
# Servers and the load client are separate JVMs on this machine; run 2 needs Redis and PostgreSQL
# (a fresh database and a Redis namespace of its own, both removed after). Writes
# benchmarks/target/forms-load-report.json. Environment: USERS (8), SCALE_USERS ("8 200"; "" for none),
# WARMUP_SECONDS (10/2), WARMUP_MAX_SECONDS (300/2), MEASURE_SECONDS (30/3), SERVER_OPTS (-Xmx1g), REDIS_URL
# (redis://127.0.0.1:6379), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=false
build=true
scale=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --no-scale) scale=false ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "forms-load.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
if $quick; then : "${WARMUP_SECONDS:=2}" "${WARMUP_MAX_SECONDS:=2}" "${MEASURE_SECONDS:=3}"
else : "${WARMUP_SECONDS:=10}" "${WARMUP_MAX_SECONDS:=300}" "${MEASURE_SECONDS:=30}"; fi
: "${USERS:=8}" "${SCALE_USERS=8 200}" "${SERVER_OPTS:=-Xmx1g}" "${REDIS_URL:=redis://127.0.0.1:6379}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
out="$root/benchmarks/target"
jar="$out/benchmarks.jar"
sample=forms-engine/samples/every-question-type.yaml
log() { echo "forms-load.sh: $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

if $build; then
  log "building $jar (mvn -pl benchmarks -am package)"
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
[ -f "$jar" ] || { log "$jar is missing: run without --no-build"; exit 1; }

pids=()
cleanup=()
on_exit() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for step in "${cleanup[@]}"; do eval "$step" || true; done
}
trap on_exit EXIT

# start_server <log file> <args...>: a FormsServer in the background; sets started_port once it listens.
started_port=""
start_server() {
  local server_log="$1"; shift
  # shellcheck disable=SC2086
  java $SERVER_OPTS -cp "$jar" org.stpkit.benchmarks.FormsServer "$sample" "$@" > "$server_log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 300); do
    grep -q '^port ' "$server_log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$server_log" >&2; log "a server did not start"; exit 1; }
    sleep 0.2
  done
  grep -q '^port ' "$server_log" || { cat "$server_log" >&2; log "a server did not start"; exit 1; }
  started_port="$(awk '/^port /{print $2}' "$server_log")"
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
single_log="$(mktemp)"; cleanup+=("rm -f '$single_log'")
start_server "$single_log" 0
port="$started_port"
static_bytes="$(awk '/^port /{print $4}' "$single_log")"
log "one instance on 127.0.0.1:$port; $USERS users; each run warms up until its rate settles (${WARMUP_SECONDS}-${WARMUP_MAX_SECONDS} s), then ${MEASURE_SECONDS} s measured"
java -Dstp.warmUpMaxSeconds="$WARMUP_MAX_SECONDS" -Dstp.serverPids="${pids[0]}" -cp "$jar" org.stpkit.benchmarks.FormsLoad "http://127.0.0.1:$port" "$USERS" "$WARMUP_SECONDS" "$MEASURE_SECONDS" > "$out/forms-load.json"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

echo '{}' > "$out/forms-load-scale.json"
echo '{}' > "$out/forms-load-solo.json"
if $scale; then
  database="stp_forms_load_$(date +%s)_$$"
  namespace="stp-forms-load-$$"
  psql -q -d test -c "CREATE DATABASE $database" >/dev/null
  cleanup+=("psql -q -d test -c 'DROP DATABASE IF EXISTS $database WITH (FORCE)' >/dev/null")
  cleanup+=("redis-cli -u '$REDIS_URL' --scan --pattern '$namespace:*' | xargs -r -n 500 redis-cli -u '$REDIS_URL' del >/dev/null")
  keys="$(mktemp)"; cleanup+=("rm -f '$keys'")
  java -cp "$jar" org.stpkit.benchmarks.FormsServer --generate-keys "$keys"
  receiver_port="$(free_port)"
  jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$database?user=$PGUSER"
  # hof's shape first (one instance, sessions in Redis), then two instances behind the client.
  solo_log="$(mktemp)"; cleanup+=("rm -f '$solo_log'")
  start_server "$solo_log" 0 --redis "$REDIS_URL" --namespace "$namespace" --db "$jdbc" \
    --webhook "http://127.0.0.1:$receiver_port/submissions" --keys "$keys" --node "load-solo"
  log "one instance on Redis (127.0.0.1:$started_port): $USERS users completing the sample form"
  java -Dstp.warmUpMaxSeconds="$WARMUP_MAX_SECONDS" -Dstp.serverPids="${pids[0]}" -cp "$jar" org.stpkit.benchmarks.FormsJourneyLoad "http://127.0.0.1:$started_port" "$USERS" \
    "$WARMUP_SECONDS" "$MEASURE_SECONDS" "$receiver_port" "http://127.0.0.1:$started_port/.well-known/jwks.json" \
    > "$out/forms-load-solo.json"
  kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
  bases=()
  for node in $([ -n "$SCALE_USERS" ] && echo a b); do
    node_log="$(mktemp)"; cleanup+=("rm -f '$node_log'")
    start_server "$node_log" 0 --redis "$REDIS_URL" --namespace "$namespace" --db "$jdbc" \
      --webhook "http://127.0.0.1:$receiver_port/submissions" --keys "$keys" --node "load-$node"
    bases+=("http://127.0.0.1:$started_port")
  done
  [ -n "$SCALE_USERS" ] && log "two instances (${bases[*]}), Redis namespace $namespace, outbox in $database, receiver on $receiver_port"
  first=true
  printf '{' > "$out/forms-load-scale.json"
  for users in $SCALE_USERS; do
    log "$users users completing the sample form, round-robin over both instances"
    $first || printf ',' >> "$out/forms-load-scale.json"
    first=false
    printf '"users_%s": ' "$users" >> "$out/forms-load-scale.json"
    java -Dstp.warmUpMaxSeconds="$WARMUP_MAX_SECONDS" -Dstp.serverPids="$(IFS=,; echo "${pids[*]}")" -cp "$jar" org.stpkit.benchmarks.FormsJourneyLoad "$(IFS=,; echo "${bases[*]}")" "$users" \
      "$WARMUP_SECONDS" "$MEASURE_SECONDS" "$receiver_port" "${bases[0]}/.well-known/jwks.json" >> "$out/forms-load-scale.json"
  done
  printf '}' >> "$out/forms-load-scale.json"
fi
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$quick" "$load_start" "$load_end" "$static_bytes" <<'PY'
import datetime, json, os, sys
out, quick, load_start, load_end, static_bytes = sys.argv[1:]
figures = json.load(open(os.path.join(out, "forms-load.json")))
scale = json.load(open(os.path.join(out, "forms-load-scale.json")))
solo = json.load(open(os.path.join(out, "forms-load-solo.json")))
form, static = figures["form_page_cycle"], figures["static_page"]
HOF = 86.0  # REFERENCES.md: hof 23.0.3, Redis sessions, 8 users, this machine's kind; not measured in this run
report = {
    "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "quick_run": quick == "true",
    "what": "page cycles per second over HTTP: GET a page, POST a valid answer with the CSRF token, GET the page it "
            "redirects to",
    "one_instance": {"server": "Jetty 12, forms-engine servlet adapter, sample form, in-memory sessions, separate JVM",
                     "static_page_bytes": int(static_bytes), **figures,
                     "ratio_form_over_static": round(form["cycles_per_second"] / static["cycles_per_second"], 3)},
    "one_instance_redis": ({"setup": "one JVM (Jetty, engine, RedisSessions, FormsOutbox on PostgreSQL), the shape of "
                                      "hof's measurement; the same load client as the two-instance runs",
                             **solo, "ratio_to_hof": round(solo["cycles_per_second"] / HOF, 1)} if solo else {}),
    "two_instances": {"setup": "two JVMs (Jetty, engine, RedisSessions, FormsOutbox on PostgreSQL with HikariCP) behind "
                               "the client, round-robin on every request; submissions to a signed webhook in the client "
                               "JVM that verifies each against the published JWK set",
                      "anchor_hof_cycles_per_second_8_users": HOF,
                      **{name: {**run, "ratio_to_hof": round(run["cycles_per_second"] / HOF, 1)} for name, run in scale.items()}},
    "cpus": os.cpu_count(),
    "load_average_start": load_start,
    "load_average_end": load_end,
}
json.dump(report, open(os.path.join(out, "forms-load-report.json"), "w"), indent=2)
print(f"\nforms-engine page cycles" + (" (SMOKE RUN: figures mean nothing)" if quick == "true" else ""))
print(f"One instance, in-memory sessions, {figures['users']} users:")
def cpu(run):
    warm = (f"; warmed up {run['warm_up_seconds']} s" + ("" if run.get("warmed_up_to_a_steady_rate") else " (NOT steady)")
            if "warm_up_seconds" in run else "")
    return (f"  server CPU {run['server_cpu_ms_per_request']:.3f} ms a request" if "server_cpu_ms_per_request" in run
            else "") + warm
print(f"  form page cycle   {form['cycles_per_second']:>9,.1f} cycles/s   p50 {form['p50_ms']} ms  p99 {form['p99_ms']} ms{cpu(form)}")
print(f"  static page       {static['cycles_per_second']:>9,.1f} cycles/s   p50 {static['p50_ms']} ms  p99 {static['p99_ms']} ms{cpu(static)}  (ceiling, {static_bytes} bytes a page)")
print(f"  form / static: {report['one_instance']['ratio_form_over_static']:.2f}")
if solo:
    print(f"One instance, Redis sessions, PostgreSQL outbox, {solo['users']} users completing the form (hof's shape):")
    print(f"  {solo['cycles_per_second']:>9,.1f} cycles/s   p50 {solo['p50_ms']} ms  p99 {solo['p99_ms']} ms   "
          f"{solo['cycles_per_second'] / HOF:.1f}x hof's {HOF:.0f}/s (REFERENCES.md, not measured here);{cpu(solo)}; "
          f"lost answers {solo['lost_answers']}, duplicate submissions {solo['duplicate_submissions']}")
for name, run in scale.items():
    print(f"Two instances, Redis sessions, PostgreSQL outbox, {run['users']} users completing the form:")
    print(f"  {run['cycles_per_second']:>9,.1f} cycles/s   p50 {run['p50_ms']} ms  p99 {run['p99_ms']} ms   "
          f"{run['cycles_per_second'] / HOF:.1f}x hof's {HOF:.0f}/s (REFERENCES.md, not measured here){cpu(run)}")
    print(f"  {run['journeys_confirmed']} journeys confirmed, {run['submissions_received']} received "
          f"({run['webhook_requests']} webhook requests); lost answers {run['lost_answers']}, not received "
          f"{run['confirmed_but_not_received']}, duplicate submissions {run['duplicate_submissions']}")
print(f"Load average {load_start} at start, {load_end} at end ({os.cpu_count()} CPUs).")
print(f"Report: {os.path.join(out, 'forms-load-report.json')}")
PY
