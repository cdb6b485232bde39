#!/usr/bin/env node
'use strict'

// In-process throughput of the official Nunjucks renderer over every govuk-frontend fixture,
// single-threaded: renders all fixtures again and again, warms up, then measures.
// Prints one JSON line on stdout:
//   {"renderer":"nunjucks","renders_per_second":N,"fixtures":725}
// Progress and checks go to stderr.
//
//   node bench.js [--warmup SECONDS] [--measure SECONDS] [--fixtures DIR] [--components a,b,c]
// Defaults: 5 s warm-up, 20 s measurement; the fixtures of design-system-templates (found from
// the working directory upwards), else this folder's own govuk-frontend. Environment variables
// NUNJUCKS_WARMUP_SECONDS, NUNJUCKS_MEASURE_SECONDS, STP_FIXTURES and STP_COMPONENTS do the same.

const { Renderer, loadFixtures, resolveFixturesDir, selectComponents } = require('./renderer.js')

process.on('uncaughtException', (error) => {
  process.stderr.write(`bench.js: ${error.message}\n`)
  process.exit(1)
})

function parseArgs (argv) {
  const options = {
    warmup: Number(process.env.NUNJUCKS_WARMUP_SECONDS ?? 5),
    measure: Number(process.env.NUNJUCKS_MEASURE_SECONDS ?? 20),
    fixtures: process.env.STP_FIXTURES ?? '',
    components: process.env.STP_COMPONENTS ?? ''
  }
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`)
      return argv[++i]
    }
    if (arg === '--warmup') options.warmup = Number(value())
    else if (arg === '--measure') options.measure = Number(value())
    else if (arg === '--fixtures') options.fixtures = value()
    else if (arg === '--components') options.components = value()
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('node bench.js [--warmup SECONDS] [--measure SECONDS] [--fixtures DIR] [--components a,b,c]\n')
      process.exit(0)
    } else throw new Error(`Unknown argument: ${arg}`)
  }
  if (!(options.warmup >= 0) || !(options.measure > 0)) {
    throw new Error('--warmup must be >= 0 seconds and --measure > 0 seconds')
  }
  return options
}

const options = parseArgs(process.argv)
const renderer = new Renderer()
const fixturesDir = resolveFixturesDir(options.fixtures)
const components = selectComponents(renderer.components, options.components)
const fixtures = loadFixtures(fixturesDir, components)
const count = fixtures.length
const names = fixtures.map((fixture) => fixture.component)
const params = fixtures.map((fixture) => fixture.params)

// Render each fixture once first: a fixture that throws stops the benchmark, naming it; output
// that differs from the fixture's HTML is reported (the figures would then not compare like with like).
const failures = []
let different = 0
for (const fixture of fixtures) {
  try {
    if (renderer.render(fixture.component, fixture.params) !== String(fixture.html ?? '').trim()) different++
  } catch (error) {
    failures.push(`${fixture.component}/${fixture.name}: ${error.message.split('\n')[0]}`)
  }
}
if (failures.length > 0) {
  process.stderr.write(`bench.js: ${failures.length} of ${count} fixtures failed to render:\n  ${failures.join('\n  ')}\n`)
  process.exit(1)
}
process.stderr.write(`bench.js: ${count} fixtures of ${components.length} components from ${fixturesDir}; ` +
  `${count - different} render exactly the fixture's HTML` +
  (different > 0 ? ` (WARNING: ${different} differ)` : '') + '\n')

let sink = 0

/** Renders every fixture once; returns the number of characters rendered. */
function renderAll () {
  let characters = 0
  for (let i = 0; i < count; i++) {
    characters += renderer.render(names[i], params[i]).length
  }
  return characters
}

/** Renders all fixtures repeatedly for at least `seconds`; returns [renders, seconds taken]. */
function run (seconds) {
  const budget = BigInt(Math.round(seconds * 1e9))
  const start = process.hrtime.bigint()
  let passes = 0
  let elapsed = 0n
  do {
    sink += renderAll()
    passes++
    elapsed = process.hrtime.bigint() - start
  } while (elapsed < budget)
  return [passes * count, Number(elapsed) / 1e9]
}

if (options.warmup > 0) {
  const [renders, seconds] = run(options.warmup)
  process.stderr.write(`bench.js: warm-up ${seconds.toFixed(1)} s, ${Math.round(renders / seconds)} renders/s\n`)
}
const [renders, seconds] = run(options.measure)
const rate = renders / seconds
process.stderr.write(`bench.js: measured ${renders} renders in ${seconds.toFixed(2)} s (checksum ${sink})\n`)
process.stdout.write(JSON.stringify({
  renderer: 'nunjucks',
  renders_per_second: Math.round(rate * 10) / 10,
  fixtures: count
}) + '\n')
