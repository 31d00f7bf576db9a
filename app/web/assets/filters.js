// The filter bar (queue, type, partner, severity) and sort. The URL is the source of truth:
// the bar shows what the URL says, and a change becomes a new URL (so Back undoes a filter).
import {$, h, replaceChildren} from './dom.js';
import {FILTER_KEYS} from './route.js';

// The exception catalog (exceptions/catalog.cc): stable names, never renamed.
const TYPES = [
  'EDI_REJECTED',      'EDI_DUPLICATE',      'PO_DUPLICATE',     'PO_UNKNOWN_ITEM',
  'PO_PRICE_MISMATCH', 'PO_UNKNOWN_SHIP_TO', 'PO_INVALID_DATES', 'ACK_REJECTED',
  'ASN_QTY_MISMATCH',  'ASN_UNKNOWN_PO',     'ASN_MISSING',      'ASN_LATE',
  'INVOICE_MISMATCH',  'DELIVERY_LATE',      'DELIVERY_AT_RISK', 'DELIVERY_OVERDUE',
  'CARRIER_EXCEPTION', 'FA_MISSING',         'FA_REJECTED',
];
// The default routing's queues; others configured on the server are learned from the rows.
const queues = new Set(['edi-support', 'order-desk', 'logistics']);
const partners = new Set();

const field = (key) => $(`filter-${key}`);

function read() {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = field(key).value.trim();
    if (value) filters[key] = value;
  }
  return {filters, sort: field('sort').value, order: field('order').value};
}

// onChange({filters, sort, order}) is called when the rep changes the bar.
export function initFilters(onChange) {
  const select = $('filter-type');
  for (const type of TYPES) select.append(h('option', {value: type}, type));
  fillLists();
  let timer = null;
  const apply = () => {
    clearTimeout(timer);
    onChange(read());
  };
  const form = $('filters');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', apply);
  // Queue and partner match exactly, so a half-typed name would only empty the table: a text
  // filter applies on Enter or leaving the field ('change'), or at once when the rep picks a
  // suggestion or clears it.
  form.addEventListener('input', (event) => {
    const known = {'filter-queue': queues, 'filter-partner': partners}[event.target.id];
    if (!known) return;
    const value = event.target.value.trim();
    clearTimeout(timer);
    if (value === '' || known.has(value)) timer = setTimeout(apply, 150);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.target.blur();
      const row = document.querySelector('#rows tr.cursor');
      if (row) row.focus();
    }
  });
  $('filter-clear').addEventListener('click', () => {
    for (const key of FILTER_KEYS) field(key).value = '';
    apply();
  });
}

// Shows the URL's filters in the bar (after Back, a bookmark, a tab).
export function syncFilters(state) {
  for (const key of FILTER_KEYS) {
    const input = field(key);
    if (document.activeElement !== input) input.value = state.filters[key] || '';
  }
  field('sort').value = state.sort;
  field('order').value = state.order;
}

// Offers the queues and partners seen so far as suggestions.
export function learnValues(items) {
  let grew = false;
  for (const item of items || []) {
    if (item.queue && !queues.has(item.queue)) {
      queues.add(item.queue);
      grew = true;
    }
    if (item.partner && !partners.has(item.partner)) {
      partners.add(item.partner);
      grew = true;
    }
  }
  if (grew) fillLists();
}

function fillLists() {
  const options = (values) => [...values].sort().map((value) => h('option', {value}));
  replaceChildren($('queue-names'), options(queues));
  replaceChildren($('partner-names'), options(partners));
}
