// Where the rep is, as a URL: the view, filters, sort and page live in the query string so a
// view can be bookmarked or pasted to a colleague; an exception page is /ui/exceptions/ID
// with the queue's query string kept, so "back" and "next" stay in the same view.
//   /ui/?view=mine&type=ASN_MISSING&sort=severity&offset=50
//   /ui/exceptions/42?view=mine&type=ASN_MISSING

export const VIEWS = [
  {id: 'mine', label: 'Mine'},
  {id: 'unassigned', label: 'Unassigned'},
  {id: 'at_risk', label: 'At risk'},
  {id: 'breached', label: 'Breached'},
  {id: 'waiting', label: 'Waiting'},
  {id: 'all', label: 'All'},
];
export const FILTER_KEYS = ['queue', 'type', 'partner', 'severity'];
export const SORTS = ['due', 'opened', 'severity'];
export const PAGE_SIZE = 50;

const DEFAULTS = {
  view: 'all',
  sort: 'due',
  order: 'asc'
};

export function parseLocation(loc = window.location) {
  const params = new URLSearchParams(loc.search);
  const view = params.get('view');
  const sort = params.get('sort');
  const order = params.get('order');
  const offset = Number.parseInt(params.get('offset') || '0', 10);
  const state = {
    page: 'queue',
    id: null,
    view: VIEWS.some((v) => v.id === view) ? view : DEFAULTS.view,
    filters: {},
    sort: SORTS.includes(sort) ? sort : DEFAULTS.sort,
    order: order === 'desc' ? 'desc' : DEFAULTS.order,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) || '').trim();
    if (value) state.filters[key] = value;
  }
  const match = loc.pathname.match(/^\/ui\/exceptions\/(\d+)\/?$/);
  if (match) {
    state.page = 'exception';
    state.id = Number(match[1]);
  }
  return state;
}

// Only what differs from the defaults goes in the URL: short links, stable bookmarks.
export function queryOf(state, {withOffset = true} = {}) {
  const params = new URLSearchParams();
  if (state.view !== DEFAULTS.view) params.set('view', state.view);
  for (const key of FILTER_KEYS) {
    if (state.filters[key]) params.set(key, state.filters[key]);
  }
  if (state.sort !== DEFAULTS.sort) params.set('sort', state.sort);
  if (state.order !== DEFAULTS.order) params.set('order', state.order);
  if (withOffset && state.offset > 0) params.set('offset', String(state.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const queueUrl = (state) => `/ui/${queryOf(state)}`;
export const exceptionUrl = (id, state) => `/ui/exceptions/${id}${queryOf(state)}`;

// Changes the URL without a reload and tells the app (which listens for 'ordex:route').
export function navigate(url, {replace = false} = {}) {
  if (url !== window.location.pathname + window.location.search) {
    if (replace)
      window.history.replaceState(null, '', url);
    else
      window.history.pushState(null, '', url);
  }
  window.dispatchEvent(new Event('ordex:route'));
}

export function listenForRoutes(handler) {
  window.addEventListener('popstate', handler);
  window.addEventListener('ordex:route', handler);
}
