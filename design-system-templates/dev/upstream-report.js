#!/usr/bin/env node
'use strict'

// The report of dev/upstream-check.sh: what changed between two releases of govuk-frontend and of
// MoJ Frontend (templates, macro options, fixtures, assets), and how our components fare against
// the newer ones' fixtures and the MoJ oracle re-rendered with the newer macros: what to port.
//
//   node upstream-report.js --old DIR --new DIR --runs DIR --out DIR
//
// --old and --new are node_modules folders holding each release; --runs holds the fixture runs
// (old.json, new.json: FixtureRunner --json). Writes report.json, report.md and diffs/ to --out, and
// prints the summary.

const fs = require('node:fs')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { templateParams } = require('../src/test/moj-oracle/template-params.js')

function parseArgs (argv) {
  const options = {}
  for (let i = 2; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '')
    if (!['old', 'new', 'runs', 'out'].includes(name) || i + 1 >= argv.length) {
      throw new Error(`usage: node upstream-report.js --old DIR --new DIR --runs DIR --out DIR (at ${argv[i]})`)
    }
    options[name] = path.resolve(argv[i + 1])
  }
  return options
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'))
const version = (modules, name) => readJson(path.join(modules, name, 'package.json')).version

/** Sub-folders of a folder that hold a file, by folder name. */
function foldersWith (folder, file) {
  if (!fs.existsSync(folder)) return []
  return fs.readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, file)))
    .map((entry) => entry.name)
    .sort()
}

/** Every documented option as path -> type ("items[].text" -> "string"). */
function flattenOptions (options, prefix = '', out = {}) {
  for (const option of options ?? []) {
    const name = prefix + option.name
    out[name] = option.type
    if (option.params) flattenOptions(option.params, name + (option.type === 'array' ? '[].' : '.'), out)
  }
  return out
}

/** A unified diff of two files (or of a file and nothing), written to diffFile; its +/- line counts. */
function diff (oldFile, newFile, diffFile) {
  const args = ['-u', '--label', `old/${path.basename(oldFile)}`, '--label', `new/${path.basename(newFile)}`,
    fs.existsSync(oldFile) ? oldFile : '/dev/null', fs.existsSync(newFile) ? newFile : '/dev/null']
  let text = ''
  try {
    execFileSync('diff', args, { encoding: 'utf8' })
    return null
  } catch (error) {
    if (error.status !== 1) throw error
    text = error.stdout
  }
  fs.mkdirSync(path.dirname(diffFile), { recursive: true })
  fs.writeFileSync(diffFile, text)
  const lines = text.split('\n')
  return {
    added: lines.filter((line) => line.startsWith('+') && !line.startsWith('+++')).length,
    removed: lines.filter((line) => line.startsWith('-') && !line.startsWith('---')).length,
    diff: path.relative(process.cwd(), diffFile)
  }
}

function compareOptions (oldOptions, newOptions) {
  const added = []
  const removed = []
  const retyped = []
  for (const [name, type] of Object.entries(newOptions)) {
    if (!(name in oldOptions)) added.push(`${name} (${type})`)
    else if (oldOptions[name] !== type) retyped.push(`${name} (${oldOptions[name]} → ${type})`)
  }
  for (const name of Object.keys(oldOptions)) if (!(name in newOptions)) removed.push(name)
  return { added, removed, retyped }
}

function compareFixtures (oldFile, newFile) {
  const byName = (file) => new Map(fs.existsSync(file) ? readJson(file).fixtures.map((f) => [f.name, f]) : [])
  const before = byName(oldFile)
  const after = byName(newFile)
  const added = [...after.keys()].filter((name) => !before.has(name))
  const removed = [...before.keys()].filter((name) => !after.has(name))
  const changed = []
  for (const [name, fixture] of after) {
    const old = before.get(name)
    if (old === undefined) continue
    const what = []
    if (JSON.stringify(old.options) !== JSON.stringify(fixture.options)) what.push('params')
    if (old.html !== fixture.html) what.push('html')
    if (what.length > 0) changed.push(`${name} (${what.join(', ')})`)
  }
  return { added, removed, changed }
}

function govuk (options, out) {
  const components = (modules) => path.join(modules, 'govuk-frontend', 'dist', 'govuk', 'components')
  const before = foldersWith(components(options.old), 'template.njk')
  const after = foldersWith(components(options.new), 'template.njk')
  const report = {
    from: version(options.old, 'govuk-frontend'),
    to: version(options.new, 'govuk-frontend'),
    added: after.filter((c) => !before.includes(c)),
    removed: before.filter((c) => !after.includes(c)),
    components: {},
    assets: assets(path.join(options.old, 'govuk-frontend', 'dist', 'govuk'), path.join(options.new, 'govuk-frontend', 'dist', 'govuk'),
      ['govuk-frontend.min.css', 'govuk-frontend.min.js'])
  }
  for (const component of [...new Set([...before, ...after])].sort()) {
    const oldDir = path.join(components(options.old), component)
    const newDir = path.join(components(options.new), component)
    const template = diff(path.join(oldDir, 'template.njk'), path.join(newDir, 'template.njk'),
      path.join(out, 'diffs', 'govuk', `${component}.template.njk.diff`))
    const optionsFile = (dir) => path.join(dir, 'macro-options.json')
    const macroOptions = compareOptions(
      fs.existsSync(optionsFile(oldDir)) ? flattenOptions(readJson(optionsFile(oldDir))) : {},
      fs.existsSync(optionsFile(newDir)) ? flattenOptions(readJson(optionsFile(newDir))) : {})
    const fixtures = compareFixtures(path.join(oldDir, 'fixtures.json'), path.join(newDir, 'fixtures.json'))
    if (template || hasAny(macroOptions) || hasAny(fixtures)) {
      report.components[component] = { template, macroOptions, fixtures }
    }
  }
  // The page template and the shared macros the components import.
  for (const file of ['template.njk', 'macros/attributes.njk', 'macros/i18n.njk', 'macros/logo.njk']) {
    const change = diff(path.join(options.old, 'govuk-frontend', 'dist', 'govuk', file),
      path.join(options.new, 'govuk-frontend', 'dist', 'govuk', file), path.join(out, 'diffs', 'govuk', file.replace('/', '-') + '.diff'))
    if (change) report.components[file] = { template: change, macroOptions: compareOptions({}, {}), fixtures: compareFixtures('', '') }
  }
  return report
}

function moj (options, out) {
  const root = (modules) => path.join(modules, '@ministryofjustice', 'frontend', 'moj')
  const macros = (modules) => {
    const found = {}
    const walk = (folder) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (entry.name === 'macro.njk') {
          for (const match of fs.readFileSync(file, 'utf8').matchAll(/\{%-?\s*macro\s+(\w+)\s*\(/g)) found[match[1]] = file
        }
      }
    }
    walk(path.join(root(modules), 'components'))
    return found
  }
  const before = macros(options.old)
  const after = macros(options.new)
  const report = {
    from: version(options.old, '@ministryofjustice/frontend'),
    to: version(options.new, '@ministryofjustice/frontend'),
    added: Object.keys(after).filter((m) => !(m in before)).sort(),
    removed: Object.keys(before).filter((m) => !(m in after)).sort(),
    components: {},
    assets: assets(root(options.old), root(options.new), ['moj-frontend.min.css', 'moj-frontend.min.js'])
  }
  for (const macro of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const folder = (file) => (file ? path.dirname(file) : null)
    const templates = new Set([...templatesIn(folder(before[macro])), ...templatesIn(folder(after[macro]))])
    const changes = []
    for (const name of [...templates].sort()) {
      const change = diff(path.join(folder(before[macro]) ?? '/nonexistent', name), path.join(folder(after[macro]) ?? '/nonexistent', name),
        path.join(out, 'diffs', 'moj', `${macro}.${name}.diff`))
      if (change) changes.push({ file: name, ...change })
    }
    const params = compareOptions(
      Object.fromEntries((before[macro] ? templateParams(before[macro]) : []).map((p) => [p, 'read'])),
      Object.fromEntries((after[macro] ? templateParams(after[macro]) : []).map((p) => [p, 'read'])))
    if (changes.length > 0 || params.added.length > 0 || params.removed.length > 0) {
      report.components[macro] = { templates: changes, paramsRead: { added: params.added.map((p) => p.replace(' (read)', '')), removed: params.removed } }
    }
  }
  return report
}

function templatesIn (folder) {
  return folder && fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.njk')) : []
}

function assets (oldDir, newDir, files) {
  const changed = []
  for (const file of files) {
    const read = (dir) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file)) : Buffer.alloc(0))
    const before = read(oldDir)
    const after = read(newDir)
    if (!before.equals(after)) changed.push(`${file} (${before.length} → ${after.length} bytes)`)
  }
  return changed
}

const hasAny = (lists) => Object.values(lists).some((list) => list.length > 0)

/** Fixture runs by family: {govuk: {component: {passed, failed: [names]}}, moj: {...}}. */
function runs (folder) {
  const read = (name) => (fs.existsSync(path.join(folder, name)) ? readJson(path.join(folder, name)) : null)
  return { old: read('old.json'), new: read('new.json') }
}

function failing (run, family) {
  const result = []
  for (const [component, outcome] of Object.entries(run?.[family] ?? {})) {
    for (const name of outcome.failed) result.push(`${component}/${name}`)
  }
  return result
}

function totals (run, family) {
  let passed = 0
  let failed = 0
  for (const outcome of Object.values(run?.[family] ?? {})) {
    passed += outcome.passed
    failed += outcome.failed.length
  }
  return { passed, failed, total: passed + failed }
}

function markdown (report) {
  const lines = []
  const { govuk: g, moj: m } = report
  lines.push(`# Upstream check: govuk-frontend ${g.from} → ${g.to}, MoJ Frontend ${m.from} → ${m.to}`, '')
  lines.push('## What to port', '')
  if (report.toPort.length === 0) lines.push('Nothing: every fixture of the newer releases passes, and no template or option changed.', '')
  for (const item of report.toPort) lines.push(`- ${item}`)
  lines.push('')
  for (const [family, r] of [['govuk-frontend', g], ['MoJ Frontend', m]]) {
    lines.push(`## ${family} ${r.from} → ${r.to}`, '')
    lines.push(`- fixtures of ${r.to} against our components: ${r.run.new.passed}/${r.run.new.total} pass` +
      (r.run.old.total ? `; of ${r.from}: ${r.run.old.passed}/${r.run.old.total}` : ''))
    if (r.added.length) lines.push(`- new components: ${r.added.join(', ')}`)
    if (r.removed.length) lines.push(`- components removed: ${r.removed.join(', ')}`)
    if (r.assets.length) lines.push(`- assets changed (copied into the jar by the build once the pin moves): ${r.assets.join('; ')}`)
    lines.push('')
    for (const [name, c] of Object.entries(r.components)) {
      lines.push(`### ${name}`, '')
      if (c.template) lines.push(`- template.njk changed (+${c.template.added} −${c.template.removed}): \`${c.template.diff}\``)
      for (const t of c.templates ?? []) lines.push(`- ${t.file} changed (+${t.added} −${t.removed}): \`${t.diff}\``)
      for (const [label, list] of Object.entries(c.macroOptions ?? {})) if (list.length) lines.push(`- macro options ${label}: ${list.map((o) => `\`${o}\``).join(', ')}`)
      for (const [label, list] of Object.entries(c.paramsRead ?? {})) if (list.length) lines.push(`- params read by the template, ${label}: ${list.map((o) => `\`${o}\``).join(', ')}`)
      for (const [label, list] of Object.entries(c.fixtures ?? {})) if (list.length) lines.push(`- fixtures ${label}: ${list.map((o) => `\`${o}\``).join(', ')}`)
      const failed = r.failing.filter((f) => f.startsWith(name + '/'))
      if (failed.length) lines.push(`- **failing against ${r.to}**: ${failed.map((f) => `\`${f}\``).join(', ')}`)
      const failedOld = r.failingOld.filter((f) => f.startsWith(name + '/'))
      if (failedOld.length && r.from !== r.to) {
        lines.push(`- fixtures of ${r.from} our components no longer render: ${failedOld.map((f) => `\`${f}\``).join(', ')}`)
      }
      lines.push('')
    }
  }
  return lines.join('\n') + '\n'
}

function main () {
  const options = parseArgs(process.argv)
  fs.rmSync(path.join(options.out, 'diffs'), { recursive: true, force: true })
  const run = runs(options.runs)
  const report = { govuk: govuk(options, options.out), moj: moj(options, options.out) }
  for (const [key, family] of [['govuk', 'govuk'], ['moj', 'moj']]) {
    report[key].run = { new: totals(run.new, family), old: totals(run.old, family) }
    report[key].failing = failing(run.new, family)
    report[key].failingOld = failing(run.old, family)
  }
  const toPort = []
  for (const [label, r] of [['govuk-frontend', report.govuk], ['MoJ Frontend', report.moj]]) {
    for (const c of r.added) toPort.push(`${label}: new component ${c}: write it, and its examples and cases`)
    for (const c of r.removed) toPort.push(`${label}: ${c} was removed`)
    const names = new Set([...Object.keys(r.components), ...r.failing.map((f) => f.split('/')[0])])
    for (const name of [...names].sort()) {
      const failed = r.failing.filter((f) => f.startsWith(name + '/')).length
      toPort.push(`${label} ${name}: ` + [
        r.components[name] ? 'changed upstream (see below)' : null,
        failed ? `${failed} fixture${failed === 1 ? '' : 's'} failing` : 'its fixtures pass'
      ].filter(Boolean).join('; '))
    }
  }
  report.toPort = toPort
  fs.writeFileSync(path.join(options.out, 'report.json'), JSON.stringify(report, null, 2) + '\n')
  fs.writeFileSync(path.join(options.out, 'report.md'), markdown(report))
  process.stdout.write(markdown(report).split('\n## govuk-frontend')[0])
  process.stdout.write(`govuk-frontend ${report.govuk.to}: ${report.govuk.run.new.passed}/${report.govuk.run.new.total} fixtures pass; ` +
    `MoJ Frontend ${report.moj.to}: ${report.moj.run.new.passed}/${report.moj.run.new.total} oracle cases pass.\n` +
    `Full report: ${path.relative(process.cwd(), path.join(options.out, 'report.md'))}\n`)
}

try {
  main()
} catch (error) {
  process.stderr.write(`upstream-report.js: ${error.message}\n`)
  process.exit(1)
}
