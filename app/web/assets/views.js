// The view tabs (Mine, Unassigned, At risk, Breached, Waiting, All) with a count each. Counts
// are capped: each is one list call of at most COUNT_LIMIT rows with the current filters, so
// they stay cheap on a queue of a million exceptions ("100+" says there are more).
import * as api from './api.js';
import {$, h, replaceChildren} from './dom.js';
import {queueUrl, VIEWS} from './route.js';

const COUNT_LIMIT = 100;
let counts = {};
let countsKey = '';

function render(state) {
  const tabs = VIEWS.map((view, i) => {
    const current = state.page === 'queue' && state.view === view.id;
    const count = counts[view.id];
    return h(
        'a', {
          href: queueUrl({...state, view: view.id, offset: 0}),
          class: current ? 'tab current' : 'tab',
          'aria-current': current ? 'page' : null,
          'aria-keyshortcuts': String(i + 1),
          title: `${view.label} (${i + 1})`,
          'data-route': true,
          'data-view': view.id,
        },
        view.label, count === undefined ? null : h('span', {class: 'count'}, count));
  });
  replaceChildren($('views'), tabs);
}

export function renderTabs(state) {
  render(state);
}

// Refreshes the counts when the filters changed or when forced (after an action).
export async function refreshCounts(state, {force = false} = {}) {
  const key = JSON.stringify(state.filters);
  if (!force && key === countsKey) return render(state);
  countsKey = key;
  const results = await Promise.allSettled(VIEWS.map(
      (view) =>
          api.listExceptions({view: view.id, ...state.filters, limit: COUNT_LIMIT, offset: 0})));
  counts = {};
  results.forEach((result, i) => {
    if (result.status !== 'fulfilled') return;
    const page = result.value;
    const n = (page.items || []).length;
    counts[VIEWS[i].id] =
        page.next_offset !== null && page.next_offset !== undefined ? `${COUNT_LIMIT}+` : String(n);
  });
  render(state);
}

// After a change the counts are stale: the next refreshCounts() fetches them again.
export function invalidateCounts() {
  countsKey = '';
}

export function viewLabel(id) {
  const view = VIEWS.find((v) => v.id === id);
  return view ? view.label : id;
}
