'use strict'

// The params a MoJ Frontend template reads: every `params.a.b` chain in its template.njk and the
// templates it includes from its own folder (such as add-another's _itemTemplate.njk), without
// JavaScript's own properties (length). MoJ Frontend documents its params only in prose, so this
// is how the build and the upgrade check see which options a template has.

const fs = require('node:fs')
const path = require('node:path')

const JS_PROPERTIES = new Set(['length'])

/** The sorted `params.` paths read by the macro file's folder's templates. */
function templateParams (macroFile) {
  const folder = path.dirname(macroFile)
  const paths = new Set()
  for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.njk') && file !== 'macro.njk')) {
    const source = fs.readFileSync(path.join(folder, name), 'utf8')
    for (const match of source.matchAll(/\bparams((?:\.[A-Za-z_$][\w$]*)+)/g)) {
      const parts = match[1].slice(1).split('.')
      while (parts.length > 0 && JS_PROPERTIES.has(parts[parts.length - 1])) parts.pop()
      if (parts.length > 0) paths.add(parts.join('.'))
    }
  }
  return [...paths].sort()
}

module.exports = { templateParams }
