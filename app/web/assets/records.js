// Rendering the API's nested JSON (evidence, waits, the audit trail, the order timeline)
// without hard-coding every member: known members come first in a sensible order, anything
// else the server adds still shows. Instants read as local times, the exact value on hover.
import {h} from './dom.js';
import {localTime} from './format.js';

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

// Stored JSON may arrive as a string (evidence, audit before/after): read it when it parses.
export function asObject(value) {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function compact(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(compact).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${k.replace(/_/g, ' ')} ${compact(v)}`)
        .join(' · ');
  }
  if (typeof value === 'string' && INSTANT.test(value)) return localTime(value);
  return String(value);
}

export function valueNode(value) {
  const text = compact(value);
  const exact = typeof value === 'string' && INSTANT.test(value) ? value : null;
  return exact ? h('time', {datetime: exact, title: exact}, text) : text;
}

// snake_case member names as headings: "claimed_by" -> "Claimed by", "po" -> "PO".
const ACRONYMS =
    new Set(['po', 'id', 'asn', 'sku', 'upc', 'edi', 'uom', 'sla', 'bol', 'isa', 'gs', 'st']);
export function label(key) {
  const words = String(key).split('_').map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A definition list of an object's members (skipping empty ones unless keepEmpty).
export function definitionList(object, {order = [], skip = [], keepEmpty = false} = {}) {
  const obj = asObject(object);
  if (obj === null || obj === undefined) return h('p', {class: 'muted'}, 'none');
  if (typeof obj !== 'object') return h('pre', {class: 'raw'}, String(obj));
  const keys = orderedKeys([obj], order).filter((k) => !skip.includes(k));
  const items =
      keys.filter((k) => keepEmpty || (obj[k] !== null && obj[k] !== '' && obj[k] !== undefined));
  if (!items.length) return h('p', {class: 'muted'}, 'none');
  return h(
      'dl', {class: 'facts'},
      items.map((k) => [h('dt', {}, label(k)), h('dd', {}, valueNode(obj[k]))]));
}

function orderedKeys(rows, order) {
  const seen = new Set();
  for (const row of rows) {
    if (row && typeof row === 'object') Object.keys(row).forEach((k) => seen.add(k));
  }
  return [...order.filter((k) => seen.has(k)), ...[...seen].filter((k) => !order.includes(k))];
}

// A table of an array of objects; cells[key](value, row) may render a member specially.
export function objectsTable(rows, {order = [], skip = [], cells = {}, labels = {}, caption} = {}) {
  if (!Array.isArray(rows) || rows.length === 0) return h('p', {class: 'muted'}, 'none');
  const keys = orderedKeys(rows, order).filter((k) => !skip.includes(k));
  return h(
      'table', {class: 'records'},
      caption ? h('caption', {class: 'visually-hidden'}, caption) : null,
      h('thead', {}, h('tr', {}, keys.map((k) => h('th', {scope: 'col'}, labels[k] || label(k))))),
      h('tbody', {},
        rows.map(
            (row) =>
                h('tr', {},
                  keys.map(
                      (k) =>
                          h('td', {class: `col-${k}`},
                            cells[k] ? cells[k](row[k], row) : valueNode(row[k])))))));
}

// The audit trail stores instants as Unix seconds (claim_expires, wait_until, the dues).
// Stored objects inside a change (the evidence) arrive as JSON text: show them as members.
function fieldValue(key, value) {
  const epoch = /(_expires|_until|_due|_at)$/.test(key) && /^\d{9,}$/.test(String(value ?? ''));
  if (epoch) return localTime(new Date(Number(value) * 1000).toISOString());
  return compact(typeof value === 'string' && value.startsWith('{') ? asObject(value) : value);
}

// An audit entry's change, "field: before → after", from its before/after objects.
export function changesNode(before, after) {
  const was = asObject(before) || {};
  const now = asObject(after) || {};
  if (typeof now !== 'object') return compact(now);
  const keys = Object.keys(now);
  if (!keys.length) return '';
  return h(
      'ul', {class: 'changes'},
      keys.map(
          (k) =>
              h('li', {}, h('span', {class: 'change-field'}, label(k)), ': ',
                h('span', {class: 'was'},
                  fieldValue(k, typeof was === 'object' ? was[k] : undefined)),
                ' → ', h('span', {class: 'now'}, fieldValue(k, now[k])))));
}
