// The queue table: one page of exceptions for the current view and filters, a keyboard
// cursor (j/k, Enter), row selection for bulk actions, and paging. The rows come from
// GET /api/v1/exceptions exactly as the API returns them.
import * as api from './api.js';
import {$, h, replaceChildren} from './dom.js';
import {localTime, nextDue, plural, relativeDue} from './format.js';
import {exceptionUrl, navigate, PAGE_SIZE, queueUrl} from './route.js';
import {canLead} from './session.js';
import {viewLabel} from './views.js';

const page = {
  state: null,
  items: [],
  now: null,
  nextOffset: null,
  cursor: 0
};
const selected = new Set();
let loadSeq = 0;

export async function load(state, {keepCursor = false} = {}) {
  const seq = ++loadSeq;
  const previousId = keepCursor ? cursorId() : null;
  const viewChanged = !page.state || page.state.view !== state.view ||
      JSON.stringify(page.state.filters) !== JSON.stringify(state.filters);
  if (viewChanged) selected.clear();
  $('grid').setAttribute('aria-busy', 'true');
  try {
    const result = await api.listExceptions({
      view: state.view,
      ...state.filters,
      sort: state.sort,
      order: state.order,
      limit: PAGE_SIZE,
      offset: state.offset,
    });
    if (seq !== loadSeq) return [];  // a newer load (the rep clicked on) wins
    page.state = state;
    page.items = result.items || [];
    page.now = result.now || null;
    page.nextOffset = result.next_offset ?? null;
    // A refresh keeps the cursor on the same exception (or where it was, if that one left).
    const keep = page.items.findIndex((item) => item.id === previousId);
    if (keep >= 0)
      page.cursor = keep;
    else if (keepCursor)
      page.cursor = Math.min(page.cursor, Math.max(page.items.length - 1, 0));
    else
      page.cursor = 0;
    for (const id of [...selected]) {
      if (!page.items.some((item) => item.id === id)) selected.delete(id);
    }
    // A refresh replaces the rows: a keyboard user's focus must not fall back to the page.
    const hadFocus = $('rows').contains(document.activeElement);
    render();
    if (hadFocus) setCursor(page.cursor);
    return page.items;
  } finally {
    if (seq === loadSeq) $('grid').removeAttribute('aria-busy');
  }
}

function severityCell(item) {
  return h('td', {class: 'sev'}, h('span', {class: `chip sev-${item.severity}`}, item.severity));
}

function assigneeCell(item) {
  const claim = item.claimed_by && item.claimed_by !== item.assignee ?
      h('span', {class: 'claim', title: `claimed by ${item.claimed_by}`},
        h('span', {'aria-hidden': 'true'}, '*'),
        h('span', {class: 'visually-hidden'}, 'claimed by '), item.claimed_by) :
      null;
  return h(
      'td', {class: 'who'}, item.assignee || (claim ? null : h('span', {class: 'muted'}, '—')),
      item.assignee && claim ? ' ' : null, claim);
}

function marksCell(item) {
  return h(
      'td', {class: 'marks'},
      item.breached ? h('span', {class: 'mark breached'}, 'Breached') : null,
      !item.breached && item.at_risk ? h('span', {class: 'mark at-risk'}, 'At risk') : null,
      item.status === 'waiting' ? h('span', {class: 'mark waiting'}, 'Waiting') : null);
}

function row(item, index) {
  const due = nextDue(item);
  const checkbox = canLead() ? h('input', {
    type: 'checkbox',
    checked: selected.has(item.id),
    'aria-label': `Select #${item.id}`,
    onchange: (event) => {
      setSelected(item.id, event.target.checked);
    },
  }) :
                               null;
  const classes = [
    'row', index === page.cursor ? 'cursor' : '', item.breached ? 'is-breached' : '',
    selected.has(item.id) ? 'is-selected' : ''
  ].filter(Boolean).join(' ');
  return h(
      'tr', {
        class: classes,
        tabindex: index === page.cursor ? '0' : '-1',
        'data-id': item.id,
        'aria-current': index === page.cursor ? 'true' : null,
        onclick: (event) => {
          if (event.target.closest('a, input, button')) return;
          setCursor(index);
        },
        ondblclick: () => open(item.id),
      },
      h('td', {class: 'sel'}, checkbox), severityCell(item),
      h('td', {class: 'type'}, h('code', {}, item.type)),
      h('td', {class: 'ref'}, h('span', {class: 'partner'}, item.partner),
        item.po ? h('span', {class: 'po'}, item.po) : null),
      h('td', {class: 'summary', title: item.summary || null},
        h('a', {href: exceptionUrl(item.id, page.state), 'data-route': true, class: 'open'},
          h('span', {class: 'id'}, `#${item.id}`), ' ', item.summary || item.type),
        item.queue ? h('span', {class: 'queue-name'}, item.queue) : null),
      assigneeCell(item),
      h('td', {class: `due${item.breached ? ' late' : ''}`, title: due ? localTime(due) : null},
        relativeDue(due, page.now)),
      marksCell(item));
}

function render() {
  const {state, items} = page;
  replaceChildren($('rows'), items.map(row));
  $('empty').hidden = items.length > 0;
  $('grid').hidden = items.length === 0;
  $('grid-caption').textContent = `${viewLabel(state.view)} exceptions`;
  $('grid').classList.toggle('can-bulk', canLead());
  $('select-all').hidden = !canLead();
  $('select-all').checked = items.length > 0 && items.every((item) => selected.has(item.id));
  const first = items.length ? state.offset + 1 : 0;
  $('page-info').textContent = items.length ?
      `${first}–${state.offset + items.length}${
          page.nextOffset !== null ? '' : ` of ${state.offset + items.length}`}` :
                                     '';
  $('page-prev').disabled = state.offset === 0;
  $('page-next').disabled = page.nextOffset === null;
  renderBulkBar();
}

function renderBulkBar() {
  $('bulk').hidden = !canLead() || selected.size === 0;
  $('bulk-count').textContent = `${plural(selected.size, 'exception')} selected`;
}

function setSelected(id, on) {
  if (on)
    selected.add(id);
  else
    selected.delete(id);
  const tr = $('rows').querySelector(`tr[data-id="${id}"]`);
  if (tr) {
    tr.classList.toggle('is-selected', on);
    const box = tr.querySelector('input[type=checkbox]');
    if (box) box.checked = on;
  }
  $('select-all').checked =
      page.items.length > 0 && page.items.every((item) => selected.has(item.id));
  renderBulkBar();
}

export function selectAll(on) {
  for (const item of page.items) setSelected(item.id, on);
}

export function clearSelection() {
  selectAll(false);
  selected.clear();
  renderBulkBar();
}

export const selectedIds = () => [...selected];

function setCursor(index, {focus = true} = {}) {
  if (!page.items.length) return;
  page.cursor = Math.max(0, Math.min(index, page.items.length - 1));
  $('rows').querySelectorAll('tr').forEach((tr, i) => {
    const on = i === page.cursor;
    tr.classList.toggle('cursor', on);
    tr.tabIndex = on ? 0 : -1;
    if (on)
      tr.setAttribute('aria-current', 'true');
    else
      tr.removeAttribute('aria-current');
    if (on && focus) {
      tr.focus({preventScroll: true});
      tr.scrollIntoView({block: 'nearest'});
    }
  });
}

export const move = (delta) => setCursor(page.cursor + delta);
export const focusCursor = () => setCursor(page.cursor);

export function cursorId() {
  const item = page.items[page.cursor];
  return item ? item.id : null;
}

export function toggleCursorSelection() {
  const id = cursorId();
  if (id !== null && canLead()) setSelected(id, !selected.has(id));
}

export function open(id = cursorId()) {
  if (id !== null && page.state) navigate(exceptionUrl(id, page.state));
}

export function turnPage(direction) {
  const {state} = page;
  if (!state) return;
  if (direction > 0 && page.nextOffset === null) return;
  const offset = direction > 0 ? page.nextOffset : Math.max(0, state.offset - PAGE_SIZE);
  if (direction < 0 && state.offset === 0) return;
  navigate(queueUrl({...state, offset}));
}
