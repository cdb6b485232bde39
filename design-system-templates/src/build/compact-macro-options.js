// Writes every component's documented params as one small tab-separated file, which the renderer
// reads at its first check of params (MacroOptions) instead of parsing each component's
// macro-options.json: those files are mostly prose descriptions, and parsing them all took more
// CPU than the rest of a short `stp render --batch`'s start (benchmarks/README.md, 2026-12-07).
//
//   node src/build/compact-macro-options.js --govuk <dist/govuk/components> --moj <moj-macro-options> --out <file>
//
// The file: for each component a line "@<name>" (govuk-frontend's folder name, or the MoJ macro
// name), then one line per option, depth first:
//   <depth> TAB <name> TAB <type> TAB <flags> TAB <component>
// flags: r required, c isComponent, h isHeadingLevel, p has params (its options follow at depth+1);
// component: the component whose params it takes, when the documentation names one, else empty.
'use strict'
const fs = require('fs')
const path = require('path')

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
for (const name of ['govuk', 'moj', 'out']) {
  if (!args[name]) throw new Error(`compact-macro-options: --${name} is required`)
}

// As MacroOptions read the JSON with Jackson: a string as it is, a number or boolean as its text.
function scalar (value) {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

function field (value, where) {
  if (/[\t\n\r]/.test(value)) throw new Error(`compact-macro-options: ${where}: a tab or line break in ${JSON.stringify(value)}`)
  return value
}

function write (lines, options, depth, where) {
  for (const option of options) {
    if (option === null || typeof option !== 'object' || Array.isArray(option)) continue
    const name = scalar(option.name) ?? ''
    const here = `${where} ${name}`
    let flags = ''
    if (option.required === true) flags += 'r'
    if (option.isComponent === true) flags += 'c'
    if (option.isHeadingLevel === true) flags += 'h'
    const params = Array.isArray(option.params) ? option.params : null
    if (params) flags += 'p'
    lines.push([depth, field(name, here), field(scalar(option.type) ?? '', here), flags,
      field(scalar(option.component) ?? '', here)].join('\t'))
    if (params) write(lines, params, depth + 1, here)
  }
}

function read (file) {
  const options = JSON.parse(fs.readFileSync(file, 'utf8'))
  if (!Array.isArray(options)) throw new Error(`compact-macro-options: ${file} is not a JSON array of options`)
  return options
}

const lines = []
for (const folder of fs.readdirSync(args.govuk).sort()) {
  const file = path.join(args.govuk, folder, 'macro-options.json')
  if (!fs.existsSync(file)) continue
  lines.push('@' + folder)
  write(lines, read(file), 0, folder)
}
for (const file of fs.readdirSync(args.moj).filter(name => name.endsWith('.json')).sort()) {
  const macro = file.slice(0, -'.json'.length)
  lines.push('@' + macro)
  write(lines, read(path.join(args.moj, file)), 0, macro)
}
fs.mkdirSync(path.dirname(args.out), { recursive: true })
fs.writeFileSync(args.out, lines.join('\n') + '\n')
