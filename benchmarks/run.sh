#!/usr/bin/env bash
# benchmarks/run.sh: renders per second of STP Kit's renderer of GOV.UK Frontend
# components beside the official Nunjucks renderer, over all govuk-frontend fixtures.
#
#   benchmarks/run.sh            full run (several minutes: see benchmarks/README.md)
#   benchmarks/run.sh --quick    smoke run: checks that everything works; its figures mean nothing
#   benchmarks/run.sh --no-build skip the Maven and npm builds (use what is built)
#
# Writes benchmarks/target/benchmark-report.json (and jmh.json, nunjucks.json, batch-x*.jsonl) and
# prints a summary. See benchmarks/README.md for what is measured and how to read the figures.
#
# Environment overrides (defaults: full run / --quick):
#   JMH_FORKS (1/1) JMH_WARMUP_ITERATIONS (3/1) JMH_WARMUP_TIME (5s/1s) JMH_ITERATIONS (5/1)
#   JMH_TIME (10s/2s)                          the JMH run: -f -wi -w -i -r
#   NUNJUCKS_WARMUP_SECONDS (5/1) NUNJUCKS_MEASURE_SECONDS (20/2)   bench.js
#   BATCH_REPEATS ("1 40 100 200 400"/"1")  whole-process batch lengths, as times each fixture is in
#                         the batch: 725 to 290,000 lines (batch-x1.jsonl, batch-x40.jsonl, ...)
#   BATCH_RUNS (3/1)      whole-process runs of each batch renderer per length; the best is reported
#   STP_FIXTURES          fixtures folder (default: design-system-templates' govuk-frontend)
#   STP_COMPONENTS=a,b,c  only these components: for trying the benchmark while templates are
#                         being written, never for reported figures
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
    *) echo "run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

if $quick; then
  : "${JMH_WARMUP_ITERATIONS:=1}" "${JMH_WARMUP_TIME:=1s}" "${JMH_ITERATIONS:=1}" "${JMH_TIME:=2s}"
  : "${NUNJUCKS_WARMUP_SECONDS:=1}" "${NUNJUCKS_MEASURE_SECONDS:=2}" "${BATCH_REPEATS:=1}" "${BATCH_RUNS:=1}"
else
  : "${JMH_WARMUP_ITERATIONS:=3}" "${JMH_WARMUP_TIME:=5s}" "${JMH_ITERATIONS:=5}" "${JMH_TIME:=10s}"
  : "${NUNJUCKS_WARMUP_SECONDS:=5}" "${NUNJUCKS_MEASURE_SECONDS:=20}" "${BATCH_REPEATS:=1 40 100 200 400}" "${BATCH_RUNS:=3}"
fi
: "${JMH_FORKS:=1}"
: "${STP_FIXTURES:=$root/design-system-templates/node_modules/govuk-frontend/dist/govuk/components}"
: "${STP_COMPONENTS:=}"
export STP_FIXTURES STP_COMPONENTS

out="$root/benchmarks/target"
log() { echo "run.sh: $*" >&2; }

load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
load_at_start="$(load_average)"

# --- Build -------------------------------------------------------------------------------------
if $build; then
  log "building benchmarks/target/benchmarks.jar (mvn -pl benchmarks -am package)"
  mvn -q -B -DskipTests -pl benchmarks -am package
  log "installing nunjucks and govuk-frontend in benchmarks/nunjucks (npm ci)"
  (cd benchmarks/nunjucks && npm ci --no-audit --no-fund --loglevel=error)
fi
[ -f benchmarks/target/benchmarks.jar ] || { log "benchmarks/target/benchmarks.jar is missing: run without --no-build"; exit 1; }
[ -d benchmarks/nunjucks/node_modules/nunjucks ] || { log "benchmarks/nunjucks/node_modules is missing: run without --no-build"; exit 1; }
[ -d "$STP_FIXTURES" ] || { log "fixtures folder not found: $STP_FIXTURES (the Maven build fetches it with npm)"; exit 1; }
mkdir -p "$out"
rm -f "$out/jmh.json" "$out/nunjucks.json" "$out/batch-timings.json" "$out/benchmark-report.json"

# --- Batch input, and a check that both batch renderers render every fixture -------------------
log "writing benchmarks/target/batch-x<N>.jsonl (every fixture N times, N in $BATCH_REPEATS)"
rm -f "$out"/batch-x*.jsonl
fixture_count="$(python3 - "$STP_FIXTURES" "$STP_COMPONENTS" "$BATCH_REPEATS" "$out" <<'PY'
import json, os, sys
fixtures_dir, only, repeats, out = sys.argv[1], sys.argv[2], [int(r) for r in sys.argv[3].split()], sys.argv[4]
components = sorted(name for name in os.listdir(fixtures_dir)
                    if os.path.isfile(os.path.join(fixtures_dir, name, "fixtures.json")))
wanted = [name.strip() for name in only.split(",") if name.strip()]
unknown = [name for name in wanted if name not in components]
if unknown:
    sys.exit("run.sh: unknown component(s) in STP_COMPONENTS: " + ", ".join(unknown))
if wanted:
    components = [name for name in components if name in wanted]
lines, ids = [], []
for component in components:
    with open(os.path.join(fixtures_dir, component, "fixtures.json"), encoding="utf-8") as f:
        for fixture in json.load(f)["fixtures"]:
            lines.append(json.dumps({"component": component, "params": fixture.get("options") or {}},
                                    ensure_ascii=False, separators=(",", ":")) + "\n")
            ids.append(component + "/" + fixture.get("name", "") + "\n")
with open(os.path.join(out, "batch-once.jsonl"), "w", encoding="utf-8") as f:
    f.writelines(lines)
with open(os.path.join(out, "batch-once.ids"), "w", encoding="utf-8") as f:
    f.writelines(ids)
for repeat in repeats:
    with open(os.path.join(out, f"batch-x{repeat}.jsonl"), "w", encoding="utf-8") as f:
        for _ in range(repeat):
            f.writelines(lines)
print(len(lines))
PY
)"
if [ -z "$STP_COMPONENTS" ] && [ "$fixture_count" != 725 ]; then
  log "WARNING: $fixture_count fixtures found, not govuk-frontend 6.6.0's 725"
fi

# ./stp builds its jar when a source is newer than it: let it do so now, outside any timing, and
# with no standard input (the build must not read the batch).
log "checking that ./stp render --batch and batch.js render every fixture"
./stp --version < /dev/null > /dev/null
./stp render --batch < "$out/batch-once.jsonl" > "$out/stp-check.jsonl"
node benchmarks/nunjucks/batch.js < "$out/batch-once.jsonl" > "$out/nunjucks-check.jsonl"
identical_html="$(python3 - "$out" "$fixture_count" <<'PY'
import json, os, re, sys
out, expected = sys.argv[1], int(sys.argv[2])
ids = open(os.path.join(out, "batch-once.ids"), encoding="utf-8").read().splitlines()
answers = {}
failed = False
for name in ("stp", "nunjucks"):
    lines = [json.loads(line) for line in open(os.path.join(out, name + "-check.jsonl"), encoding="utf-8")]
    if len(lines) != expected:
        print(f"run.sh: {name} batch answered {len(lines)} lines for {expected}", file=sys.stderr)
        failed = True
    errors = [(fixture, answer["error"]) for fixture, answer in zip(ids, lines) if "error" in answer]
    if errors:
        print(f"run.sh: {name} batch failed to render {len(errors)} of {expected} fixtures:", file=sys.stderr)
        for fixture, error in errors[:20]:
            print(f"  {fixture}: {error[:300]}", file=sys.stderr)
        if len(errors) > 20:
            print(f"  ... and {len(errors) - 20} more (see benchmarks/target/{name}-check.jsonl)", file=sys.stderr)
        failing = sorted({fixture.split("/")[0] for fixture, _ in errors})
        print(f"  components with a failing fixture: {','.join(failing)}", file=sys.stderr)
        failed = True
    answers[name] = lines
if failed:
    sys.exit(1)
def loose(html):
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()
pairs = [(a["html"], b["html"]) for a, b in zip(answers["stp"], answers["nunjucks"])]
print(sum(1 for a, b in pairs if a == b), sum(1 for a, b in pairs if loose(a) == loose(b)))
PY
)" || { log "a fixture does not render: fix the templates, or set STP_COMPONENTS for a trial run"; exit 1; }

# --- 1. JMH: STP Kit's renderer in process ----------------------------------------------------
log "JMH FixtureRenderBenchmark (-f $JMH_FORKS -wi $JMH_WARMUP_ITERATIONS -w $JMH_WARMUP_TIME -i $JMH_ITERATIONS -r $JMH_TIME -t 1)"
jmh_props=("-Dstp.fixtures=$STP_FIXTURES")
[ -n "$STP_COMPONENTS" ] && jmh_props+=("-Dstp.components=$STP_COMPONENTS")
java "${jmh_props[@]}" -jar benchmarks/target/benchmarks.jar FixtureRenderBenchmark \
  -f "$JMH_FORKS" -wi "$JMH_WARMUP_ITERATIONS" -w "$JMH_WARMUP_TIME" -i "$JMH_ITERATIONS" -r "$JMH_TIME" -t 1 \
  -foe true -rf json -rff benchmarks/target/jmh.json

# --- 2. Nunjucks in process --------------------------------------------------------------------
log "Nunjucks in process (bench.js: ${NUNJUCKS_WARMUP_SECONDS} s warm-up, ${NUNJUCKS_MEASURE_SECONDS} s measured)"
node benchmarks/nunjucks/bench.js --warmup "$NUNJUCKS_WARMUP_SECONDS" --measure "$NUNJUCKS_MEASURE_SECONDS" \
  --fixtures "$STP_FIXTURES" ${STP_COMPONENTS:+--components "$STP_COMPONENTS"} > "$out/nunjucks.json"
cat "$out/nunjucks.json"

# --- 3. Whole processes: stp render --batch and batch.js ---------------------------------------
log "whole processes: batches of $fixture_count x ($BATCH_REPEATS) lines, $BATCH_RUNS run(s) each, best wall-clock time kept"
python3 - "$root" "$out" "$BATCH_RUNS" "$BATCH_REPEATS" <<'PY'
import json, os, subprocess, sys, time
root, out, runs, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(r) for r in sys.argv[4].split()]
commands = {
    "stp": ["./stp", "render", "--batch"],
    "nunjucks": ["node", "benchmarks/nunjucks/batch.js"],
}
timings = {str(repeat): {} for repeat in repeats}
for repeat, name in [(repeat, name) for repeat in repeats for name in commands]:
    command = commands[name]
    batch = os.path.join(out, f"batch-x{repeat}.jsonl")
    seconds = []
    attempts = 0
    while len(seconds) < runs:
        attempts += 1
        if name == "stp":
            # ./stp rebuilds its jar when a source changed: do that now, outside the timing.
            subprocess.run(["./stp", "--version"], cwd=root, check=True,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        with open(batch, "rb") as stdin:
            start = time.perf_counter()
            done = subprocess.run(command, cwd=root, stdin=stdin, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
        stderr = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            sys.stderr.write(stderr)
            sys.exit(f"run.sh: {' '.join(command)} exited {done.returncode}")
        if "building the CLI" in stderr:
            # A source changed between the check and the run: this run timed a build too.
            print(f"run.sh: {name} run {attempts} rebuilt the CLI; not counted", file=sys.stderr)
            if attempts >= runs + 3:
                sys.exit("run.sh: the CLI kept rebuilding (sources changing); try again when they are not")
            continue
        seconds.append(elapsed)
        print(f"run.sh: {name} batch x{repeat} run {len(seconds)}: {elapsed:.2f} s", file=sys.stderr)
    timings[str(repeat)][name] = seconds
with open(os.path.join(out, "batch-timings.json"), "w") as f:
    json.dump(timings, f)
PY

# --- Report --------------------------------------------------------------------------------------
python3 - "$root" "$out" "$fixture_count" "${identical_html% *}" "${identical_html#* }" "$load_at_start" "$(load_average)" \
  "$quick" "$JMH_FORKS" "$JMH_WARMUP_ITERATIONS" "$JMH_WARMUP_TIME" "$JMH_ITERATIONS" "$JMH_TIME" \
  "$NUNJUCKS_WARMUP_SECONDS" "$NUNJUCKS_MEASURE_SECONDS" "$BATCH_RUNS" <<'PY'
import datetime, json, os, platform, subprocess, sys
(root, out, fixtures, identical, identical_loose, load_start, load_end, quick, forks, wi, w, i, r,
 nj_warmup, nj_measure, runs) = sys.argv[1:]
fixtures = int(fixtures)
identical, identical_loose = int(identical), int(identical_loose)

def version(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.stdout + done.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"

jmh = json.load(open(os.path.join(out, "jmh.json")))
if not jmh:
    sys.exit("run.sh: JMH wrote no result (see its output above)")
primary = jmh[0]["primaryMetric"]
ops = primary["score"]
ops_error = primary.get("scoreError")
renders_counter = jmh[0].get("secondaryMetrics", {}).get("renders", {}).get("score")
nunjucks = json.loads(open(os.path.join(out, "nunjucks.json")).read().strip().splitlines()[-1])
timings = json.load(open(os.path.join(out, "batch-timings.json")))

def rate(value):
    return None if value is None else round(value, 1)

jmh_rate = ops * fixtures
nunjucks_rate = nunjucks["renders_per_second"]

def whole_process(repeat, by_renderer):
    lines = fixtures * int(repeat)
    stp_best, nunjucks_best = min(by_renderer["stp"]), min(by_renderer["nunjucks"])
    return {
        "lines": lines,
        "stp": {
            "what": "./stp render --batch < batch-x%s.jsonl > /dev/null, whole process, wall clock" % repeat,
            "best_seconds": round(stp_best, 3),
            "seconds": [round(s, 3) for s in by_renderer["stp"]],
            "renders_per_second": rate(lines / stp_best),
        },
        "nunjucks": {
            "what": "node benchmarks/nunjucks/batch.js < batch-x%s.jsonl > /dev/null, whole process, wall clock" % repeat,
            "best_seconds": round(nunjucks_best, 3),
            "seconds": [round(s, 3) for s in by_renderer["nunjucks"]],
            "renders_per_second": rate(lines / nunjucks_best),
        },
        "ours_over_nunjucks": round(nunjucks_best / stp_best, 3),
    }

batches = [whole_process(repeat, by_renderer) for repeat, by_renderer in timings.items()]
components = [c.strip() for c in os.environ.get("STP_COMPONENTS", "").split(",") if c.strip()]

report = {
    "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "quick_run": quick == "true",
    "note": "Smoke run: these figures mean nothing." if quick == "true" else
            "Compare figures only from one quiet machine; see benchmarks/README.md.",
    "machine": {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "java": version(["java", "-version"]),
        "node": version(["node", "--version"]),
        "load_average_start": load_start,
        "load_average_end": load_end,
    },
    "fixtures": fixtures,
    "components": components or "all",
    "stp_jmh": {
        "what": "GovukTemplates.render over every fixture, in process, one thread (JMH)",
        "renders_per_second": rate(jmh_rate),
        "renders_per_second_error_99_9": rate(ops_error * fixtures) if isinstance(ops_error, (int, float)) else None,
        "renders_counter_per_second": rate(renders_counter),
        "jmh_ops_per_second": ops,
        "settings": {"forks": forks, "warmup_iterations": wi, "warmup_time": w,
                     "iterations": i, "time": r, "threads": 1},
        "jvm": jmh[0].get("vmName", "") + " " + jmh[0].get("vmVersion", ""),
    },
    "nunjucks_in_process": {
        "what": "official macros with nunjucks 3.2.4, compiled once per component, in process, one thread",
        "renders_per_second": rate(nunjucks_rate),
        "settings": {"warmup_seconds": nj_warmup, "measure_seconds": nj_measure},
    },
    "whole_process_batches": batches,
    "ratios_ours_over_nunjucks": {
        "in_process": round(jmh_rate / nunjucks_rate, 3),
        "whole_process_by_lines": {str(batch["lines"]): batch["ours_over_nunjucks"] for batch in batches},
    },
    "same_html_as_nunjucks": {
        "what": "fixtures whose HTML from stp equals Nunjucks' (design-system-templates' fixture tests are what check correctness)",
        "identical": identical,
        "identical_ignoring_whitespace": identical_loose,
    },
}
path = os.path.join(out, "benchmark-report.json")
with open(path, "w") as f:
    json.dump(report, f, indent=2)
    f.write("\n")

print()
print(f"Renders per second, {fixtures} fixtures" + (" (SMOKE RUN: figures mean nothing)" if quick == "true" else ""))
print(f"  {'stp (Java components), JMH in process':<38}{jmh_rate:>12,.0f}")
print(f"  {'Nunjucks, in process':<38}{nunjucks_rate:>12,.0f}")
print(f"Ours / Nunjucks in process: {jmh_rate / nunjucks_rate:.2f}x")
for batch in batches:
    lines, ours, theirs = batch["lines"], batch["stp"], batch["nunjucks"]
    print(f"Whole process, {lines:,} lines:")
    print(f"  {'stp render --batch':<38}{ours['renders_per_second']:>12,.0f}   ({ours['best_seconds']:.2f} s)")
    print(f"  {'nunjucks batch.js':<38}{theirs['renders_per_second']:>12,.0f}   ({theirs['best_seconds']:.2f} s)")
    print(f"  ours / Nunjucks {batch['ours_over_nunjucks']:.2f}x")
print(f"Same HTML from both renderers: {identical} of {fixtures} fixtures ({identical_loose} ignoring whitespace).")
print(f"Load average {load_start} at start, {load_end} at end ({os.cpu_count()} CPUs).")
print(f"Report: {os.path.relpath(path, root)}")
PY
