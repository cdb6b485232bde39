'use strict'

// The official GOV.UK Frontend renderer: Nunjucks configured as govuk-frontend's own helpers
// configure it (shared/lib/components.js: a FileSystemLoader over the package's dist/ folder,
// trimBlocks and lstripBlocks, Nunjucks' default autoescape), rendering a component with
//   {%- from "govuk/components/<name>/macro.njk" import <macroName> -%}{{- <macroName>(params) -}}
// The one difference from govuk-frontend's renderMacro(): its params are written into the
// template source as a JSON literal and the string compiled on every call; here each component's
// template is compiled once and the params are passed in the context, as a service would.

const fs = require('node:fs')
const path = require('node:path')
const nunjucks = require('nunjucks')

const GOVUK_FRONTEND_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist')
const COMPONENTS_DIR = path.join(GOVUK_FRONTEND_DIST, 'govuk', 'components')

/** Repository-root-relative default of the fixtures folder, as FixtureRenderBenchmark uses. */
const DEFAULT_FIXTURES_DIR = 'design-system-templates/node_modules/govuk-frontend/dist/govuk/components'

/** "date-input" becomes "govukDateInput", as in govuk-frontend's macro.njk files. */
function macroName (component) {
  return 'govuk' + component.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join('')
}

/** Every component in the installed govuk-frontend, by folder name, sorted. */
function componentNames () {
  return fs.readdirSync(COMPONENTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(COMPONENTS_DIR, entry.name, 'macro.njk')))
    .map((entry) => entry.name)
    .sort()
}

/** Renders components with the official macros; one compiled template per component. */
class Renderer {
  constructor () {
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader(GOVUK_FRONTEND_DIST), {
      autoescape: true,
      trimBlocks: true,
      lstripBlocks: true
    })
    this.components = componentNames()
    this.templates = new Map()
  }

  template (component) {
    let template = this.templates.get(component)
    if (template === undefined) {
      if (!this.components.includes(component)) {
        throw new Error(`Unknown component '${component}'. Known components: ${this.components.join(', ')}`)
      }
      const macro = macroName(component)
      const source =
        `{%- from "govuk/components/${component}/macro.njk" import ${macro} -%}{{- ${macro}(params) -}}`
      template = new nunjucks.Template(source, this.env, `benchmark/${component}.njk`, true)
      this.templates.set(component, template)
    }
    return template
  }

  /** The component's HTML, without leading and trailing whitespace (as GovukTemplates.render). */
  render (component, params) {
    return this.template(component).render({ params }).trim()
  }
}

/**
 * The fixtures folder: an explicit one, else STP_FIXTURES, else the default looked for from the
 * working directory and each folder above it, else the fixtures of this folder's own govuk-frontend.
 */
function resolveFixturesDir (explicit) {
  const value = explicit || process.env.STP_FIXTURES || ''
  if (value && path.isAbsolute(value)) return value
  const relative = value || DEFAULT_FIXTURES_DIR
  for (let base = process.cwd(); ; base = path.dirname(base)) {
    const candidate = path.join(base, relative)
    if (fs.existsSync(candidate)) return candidate
    if (path.dirname(base) === base) break
  }
  if (value) throw new Error(`Fixtures folder not found: ${value}`)
  return COMPONENTS_DIR
}

/**
 * Every fixture of the given components (all by default), in component order:
 * [{ component, name, params }].
 */
function loadFixtures (fixturesDir, components) {
  const fixtures = []
  for (const component of components) {
    const file = path.join(fixturesDir, component, 'fixtures.json')
    if (!fs.existsSync(file)) throw new Error(`Missing fixtures for component '${component}': ${file}`)
    for (const fixture of JSON.parse(fs.readFileSync(file, 'utf8')).fixtures) {
      fixtures.push({ component, name: fixture.name, params: fixture.options ?? {}, html: fixture.html })
    }
  }
  return fixtures
}

/** The components named in a comma-separated list (STP_COMPONENTS), checked; all when empty. */
function selectComponents (all, list) {
  const names = (list || '').split(',').map((name) => name.trim()).filter(Boolean)
  if (names.length === 0) return all
  for (const name of names) {
    if (!all.includes(name)) throw new Error(`Unknown component '${name}'. Known components: ${all.join(', ')}`)
  }
  return all.filter((name) => names.includes(name))
}

module.exports = {
  GOVUK_FRONTEND_DIST,
  Renderer,
  componentNames,
  loadFixtures,
  macroName,
  resolveFixturesDir,
  selectComponents
}
