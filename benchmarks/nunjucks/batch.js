#!/usr/bin/env node
'use strict'

// The `stp render --batch` contract with the official Nunjucks renderer, so whole-process
// throughput can be compared:
//   JSON lines {"component": ..., "params": {...}} on stdin; one {"html": ...} or
//   {"error": "line N: ..."} line on stdout per line in, in order; a bad line never stops the batch.
//
//   node batch.js < requests.jsonl > results.jsonl

const readline = require('node:readline')
const { Renderer } = require('./renderer.js')

const renderer = new Renderer()
const FLUSH_AT = 1 << 16

let lineNumber = 0
let pending = []
let pendingLength = 0
let flushScheduled = false

function answer (line, number) {
  let request
  if (line.trim() === '') {
    return { error: `line ${number}: expected a JSON object {"component": ..., "params": {...}}` }
  }
  try {
    request = JSON.parse(line)
  } catch (error) {
    return { error: `line ${number}: not valid JSON: ${error.message}` }
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return { error: `line ${number}: expected a JSON object {"component": ..., "params": {...}}` }
  }
  if (typeof request.component !== 'string') {
    return { error: `line ${number}: "component" must be a component name string` }
  }
  const params = request.params ?? {}
  if (typeof params !== 'object' || Array.isArray(params)) {
    return { error: `line ${number}: params must be a JSON object, not ${Array.isArray(params) ? 'array' : typeof params}` }
  }
  try {
    return { html: renderer.render(request.component, params) }
  } catch (error) {
    return { error: `line ${number}: ${String(error.message).replace(/\s*\n\s*/g, ' ').trim()}` }
  }
}

function flush () {
  flushScheduled = false
  if (pending.length === 0) return
  const chunk = pending.join('')
  pending = []
  pendingLength = 0
  if (!process.stdout.write(chunk)) {
    input.pause()
    process.stdout.once('drain', () => input.resume())
  }
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })

input.on('line', (line) => {
  lineNumber++
  const out = JSON.stringify(answer(line, lineNumber)) + '\n'
  pending.push(out)
  pendingLength += out.length
  if (pendingLength >= FLUSH_AT) {
    flush()
  } else if (!flushScheduled) {
    // Answer what has been read so far once the current input chunk is done, so an interactive
    // caller sees each answer (as stp flushes when nothing more is queued).
    flushScheduled = true
    setImmediate(flush)
  }
})

input.on('close', flush)
