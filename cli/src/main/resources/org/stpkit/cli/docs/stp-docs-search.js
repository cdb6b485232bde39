/*
 * Search for the documentation site, in the browser: the search page reads ?q= and the index the
 * build made (search-index.js sets window.stpDocsSearchIndex), and lists the pages where every
 * word of the query appears, best first. Without JavaScript the same page lists every page, so
 * nothing depends on this script. It is a classic script, not a module, so that it runs when the
 * site is opened from files as well as from a server.
 */
(function () {
  'use strict'

  var index = window.stpDocsSearchIndex
  var results = document.getElementById('search-results')
  var input = document.getElementById('search-query')
  if (!index || !results || !input || !window.URLSearchParams || !window.history) {
    return
  }
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results-list')
  var allPages = document.getElementById('search-all-pages')

  function wordsOf (query) {
    return query.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 0 })
  }

  function count (text, word) {
    var found = 0
    var at = text.indexOf(word)
    while (at >= 0 && found < 20) {
      found++
      at = text.indexOf(word, at + word.length)
    }
    return found
  }

  // A page's score: a word in the title counts most, then in a heading, the description, the text.
  function match (page, words) {
    var title = page.title.toLowerCase()
    var description = page.description.toLowerCase()
    var text = page.text.toLowerCase()
    var score = 0
    var heading = null
    for (var i = 0; i < words.length; i++) {
      var word = words[i]
      var inHeading = null
      for (var h = 0; h < page.headings.length; h++) {
        if (page.headings[h][0].toLowerCase().indexOf(word) >= 0) {
          inHeading = page.headings[h]
          break
        }
      }
      var inText = count(text, word)
      if (title.indexOf(word) < 0 && !inHeading && description.indexOf(word) < 0 && inText === 0) {
        return null
      }
      score += (title.indexOf(word) >= 0 ? 20 : 0) + (inHeading ? 8 : 0) +
        (description.indexOf(word) >= 0 ? 4 : 0) + inText
      if (inHeading && !heading && title.indexOf(word) < 0) {
        heading = inHeading
      }
    }
    return { page: page, score: score, heading: heading }
  }

  // About 30 words of the text around the first word of the query found in it, with the words marked.
  function snippet (text, words) {
    var lower = text.toLowerCase()
    var first = -1
    for (var i = 0; i < words.length && first < 0; i++) {
      first = lower.indexOf(words[i])
    }
    var start = Math.max(0, first - 80)
    var end = Math.min(text.length, Math.max(first, 0) + 160)
    var piece = (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '')
    var paragraph = document.createElement('p')
    paragraph.className = 'govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0'
    var pattern = new RegExp('(' + words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    }).join('|') + ')', 'gi')
    var parts = piece.split(pattern)
    for (var p = 0; p < parts.length; p++) {
      if (p % 2 === 1) {
        var mark = document.createElement('mark')
        mark.textContent = parts[p]
        paragraph.appendChild(mark)
      } else {
        paragraph.appendChild(document.createTextNode(parts[p]))
      }
    }
    return paragraph
  }

  function say (template, query, found) {
    return template.replace('{query}', query).replace('{count}', String(found))
  }

  function show (query) {
    var words = wordsOf(query)
    list.textContent = ''
    if (words.length === 0) {
      status.textContent = ''
      allPages.hidden = false
      return
    }
    var matches = []
    for (var i = 0; i < index.length; i++) {
      var found = match(index[i], words)
      if (found) {
        matches.push(found)
      }
    }
    matches.sort(function (a, b) { return b.score - a.score })
    var template = matches.length === 0 ? results.getAttribute('data-none')
      : matches.length === 1 ? results.getAttribute('data-one') : results.getAttribute('data-many')
    status.textContent = say(template, query.trim(), matches.length)
    allPages.hidden = true
    for (var m = 0; m < matches.length; m++) {
      var item = document.createElement('li')
      var link = document.createElement('a')
      link.className = 'govuk-link govuk-!-font-weight-bold'
      link.href = matches[m].page.path + (matches[m].heading ? '#' + matches[m].heading[1] : '')
      link.textContent = matches[m].page.title + (matches[m].heading ? ': ' + matches[m].heading[0] : '')
      item.appendChild(link)
      if (matches[m].page.section) {
        var section = document.createElement('span')
        section.className = 'govuk-caption-s'
        section.textContent = matches[m].page.section
        item.appendChild(section)
      }
      item.appendChild(snippet(matches[m].page.text || matches[m].page.description, words))
      list.appendChild(item)
    }
  }

  var query = new URLSearchParams(window.location.search).get('q') || ''
  input.value = query
  show(query)

  // Results follow the query as it is typed; the address keeps it, so a result's back button returns here.
  var timer = null
  input.addEventListener('input', function () {
    window.clearTimeout(timer)
    timer = window.setTimeout(function () {
      var params = new URLSearchParams(window.location.search)
      params.set('q', input.value)
      window.history.replaceState(null, '', '?' + params.toString())
      show(input.value)
    }, 200)
  })
  input.form.addEventListener('submit', function (event) {
    event.preventDefault()
    show(input.value)
  })
})()
