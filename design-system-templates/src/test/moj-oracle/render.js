#!/usr/bin/env node
'use strict'

// The MoJ Frontend oracle. MoJ Frontend ships no fixtures, so the build makes them: every case in
// cases/*.json (params we wrote to cover each component's documented options) is rendered by MoJ
// Frontend's own macros with the official Nunjucks, configured as MoJ's own component tests
// configure it (src/moj/lib/components.js in ministryofjustice/moj-frontend: search paths over the
// package and govuk-frontend's dist/, trimBlocks and lstripBlocks, autoescape on) plus the `date`
// and `mojDate` filters from moj/filters/all.js, which MoJ's documentation tells services to add.
// The params are passed in the context, as a service passes them.
//
//   node render.js --modules DIR --cases DIR --out DIR [--allow-missing]
//
// --modules: a node_modules folder holding @ministryofjustice/frontend, govuk-frontend, nunjucks and
// moment. Writes one <out>/<component>.json per case file, in govuk-frontend's fixtures.json shape
// plus the macro and the params its template reads: {"component", "macro", "template", "version",
// "templateParams", "fixtures": [{name, options, caller, html, hidden}]}. Fails, naming it, on a case that does not render, and on a MoJ macro
// that no case file covers (unless --allow-missing, which lists them and goes on).

const fs = require('node:fs')
const path = require('node:path')
const { templateParams } = require('./template-params.js')

function parseArgs (argv) {
  const options = { modules: '', cases: '', out: '', allowMissing: false }
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`)
      return argv[++i]
    }
    if (arg === '--modules') options.modules = path.resolve(value())
    else if (arg === '--cases') options.cases = path.resolve(value())
    else if (arg === '--out') options.out = path.resolve(value())
    else if (arg === '--allow-missing') options.allowMissing = true
    else throw new Error(`Unknown argument: ${arg}`)
  }
  if (!options.modules || !options.cases || !options.out) {
    throw new Error('usage: node render.js --modules DIR --cases DIR --out DIR [--allow-missing]')
  }
  return options
}

/** Every `{% macro name(` in the macro.njk files under `root`, as name -> path relative to `base`. */
function findMacros (root, base) {
  const macros = new Map()
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name === 'macro.njk') {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(/\{%-?\s*macro\s+(\w+)\s*\(/g)) {
          macros.set(match[1], path.relative(base, file).split(path.sep).join('/'))
        }
      }
    }
  }
  walk(root)
  return macros
}

function main () {
  const options = parseArgs(process.argv)
  const mojPackage = path.join(options.modules, '@ministryofjustice', 'frontend')
  const govukDist = path.join(options.modules, 'govuk-frontend', 'dist')
  const nunjucks = require(path.join(options.modules, 'nunjucks'))
  const version = JSON.parse(fs.readFileSync(path.join(mojPackage, 'package.json'), 'utf8')).version

  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([mojPackage, govukDist]), {
    autoescape: true,
    trimBlocks: true,
    lstripBlocks: true
  })
  // moment warns on stderr about timestamps it hands to Date(); the cases have some on purpose.
  require(path.join(options.modules, 'moment')).suppressDeprecationWarnings = true
  const filters = require(path.join(mojPackage, 'moj', 'filters', 'all.js'))()
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter)

  const mojMacros = findMacros(path.join(mojPackage, 'moj', 'components'), mojPackage)
  const govukMacros = findMacros(path.join(govukDist, 'govuk', 'components'), govukDist)

  fs.mkdirSync(options.out, { recursive: true })
  const covered = new Set()
  let onGovukMacros = 0
  const problems = []
  let total = 0
  for (const file of fs.readdirSync(options.cases).filter((name) => name.endsWith('.json')).sort()) {
    const spec = JSON.parse(fs.readFileSync(path.join(options.cases, file), 'utf8'))
    const template = mojMacros.get(spec.macro) ?? govukMacros.get(spec.macro)
    if (template === undefined) {
      problems.push(`${file}: no macro ${spec.macro} in MoJ Frontend ${version} or govuk-frontend`)
      continue
    }
    covered.add(spec.macro)
    const call = (withCaller) => withCaller
      ? `{%- from "${template}" import ${spec.macro} -%}{%- call ${spec.macro}(params) -%}{{ callerHtml | safe }}{%- endcall -%}`
      : `{%- from "${template}" import ${spec.macro} -%}{{- ${spec.macro}(params) -}}`
    const fixtures = []
    const names = new Set()
    for (const example of spec.cases) {
      if (names.has(example.name)) problems.push(`${file}: two cases named "${example.name}"`)
      names.add(example.name)
      const withCaller = typeof example.caller === 'string'
      try {
        const html = new nunjucks.Template(call(withCaller), env, `oracle/${spec.component}.njk`, true)
          .render({ params: example.options ?? {}, callerHtml: example.caller })
        fixtures.push({
          name: example.name,
          options: example.options ?? {},
          ...(withCaller ? { caller: example.caller } : {}),
          html: html.trim(),
          hidden: example.hidden === true
        })
      } catch (error) {
        problems.push(`${file}: case "${example.name}" does not render: ${String(error.message).split('\n').join(' ')}`)
      }
    }
    total += fixtures.length
    if (!mojMacros.has(spec.macro)) onGovukMacros += fixtures.length
    const macroFile = path.join(mojMacros.has(spec.macro) ? mojPackage : govukDist, template)
    const out = { component: spec.component, macro: spec.macro, template, version, templateParams: templateParams(macroFile), fixtures }
    fs.writeFileSync(path.join(options.out, `${spec.component}.json`), JSON.stringify(out, null, 2) + '\n')
  }

  const missing = [...mojMacros.keys()].filter((macro) => !covered.has(macro)).sort()
  if (missing.length > 0) {
    const message = `MoJ Frontend ${version} macros with no cases: ${missing.join(', ')}`
    if (options.allowMissing) process.stderr.write(`render.js: ${message}\n`)
    else problems.push(message)
  }
  if (problems.length > 0) {
    process.stderr.write(`render.js: the MoJ Frontend oracle could not be built:\n  ${problems.join('\n  ')}\n`)
    process.exit(1)
  }
  const nunjucksVersion = require(path.join(options.modules, 'nunjucks', 'package.json')).version
  process.stdout.write(`MoJ Frontend ${version} oracle: ${total} cases rendered by Nunjucks ${nunjucksVersion}, ` +
    `covering its ${mojMacros.size} macros (${onGovukMacros} of the cases are MoJ components built from govuk-frontend macros)\n`)
}

try {
  main()
} catch (error) {
  process.stderr.write(`render.js: ${error.message}\n`)
  process.exit(1)
}
