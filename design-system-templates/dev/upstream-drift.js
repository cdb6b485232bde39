#!/usr/bin/env node
'use strict'

// The `upstream-drift` Maven profile's step: asks npm for the newest published govuk-frontend and
// MoJ Frontend, compares them with the pins in package.json, and says so. It never fails the
// build: drift is news, not an error, and no network is only a warning. Writes
// target/upstream-drift.json: {"checked", "packages": [{"name", "pinned", "newest", "drift"}]}.
//
//   node dev/upstream-drift.js [--out FILE]

const fs = require('node:fs')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

const PACKAGES = ['govuk-frontend', '@ministryofjustice/frontend']
const moduleDir = path.resolve(__dirname, '..')

function newest (name) {
  try {
    return execFileSync('npm', ['view', name, 'version'], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  } catch (error) {
    return null
  }
}

/** Compares dotted versions numerically: negative when a is older than b. */
function compare (a, b) {
  const pa = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0)
  const pb = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0)
  }
  return 0
}

function main () {
  const outIndex = process.argv.indexOf('--out')
  const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(moduleDir, 'target', 'upstream-drift.json')
  const pins = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8')).dependencies
  const packages = []
  const newer = []
  for (const name of PACKAGES) {
    const pinned = pins[name]
    const latest = newest(name)
    const drift = latest === null ? 'unknown' : compare(pinned, latest) < 0 ? 'behind' : 'current'
    packages.push({ name, pinned, newest: latest, drift })
    if (latest === null) {
      process.stdout.write(`[upstream-drift] WARNING: could not ask npm for ${name}'s newest version; pinned ${pinned}\n`)
    } else if (drift === 'behind') {
      process.stdout.write(`[upstream-drift] DRIFT: ${name} ${latest} is published; the kit pins ${pinned}\n`)
      newer.push(name === 'govuk-frontend' ? `--govuk ${latest}` : `--moj ${latest}`)
    } else {
      process.stdout.write(`[upstream-drift] ${name} ${pinned} is the newest published version\n`)
    }
  }
  if (newer.length > 0) {
    process.stdout.write(`[upstream-drift] To see what to port: design-system-templates/dev/upstream-check.sh ${newer.join(' ')}\n`)
  }
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, JSON.stringify({ checked: new Date().toISOString(), packages }, null, 2) + '\n')
}

try {
  main()
} catch (error) {
  // Drift is reported, never fatal: whatever goes wrong here, the build goes on.
  process.stdout.write(`[upstream-drift] WARNING: the check did not run: ${error.message}\n`)
}
