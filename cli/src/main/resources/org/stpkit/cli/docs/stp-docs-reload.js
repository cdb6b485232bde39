/*
 * `stp docs` only: reloads the page when a source of the site changes. The server holds the request
 * until the site is rebuilt (or half a minute passes) and answers with the site's version.
 */
(function () {
  'use strict'

  var version = null

  function wait () {
    window.fetch('/_stp-docs/changes' + (version === null ? '' : '?since=' + version), { cache: 'no-store' })
      .then(function (response) { return response.json() })
      .then(function (answer) {
        if (version !== null && answer.version !== version) {
          window.location.reload()
          return
        }
        version = answer.version
        wait()
      })
      .catch(function () {
        window.setTimeout(wait, 2000)
      })
  }

  if (window.fetch) {
    wait()
  }
})()
