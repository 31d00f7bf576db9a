// The web work queue's entry module: finds out who is signed in, follows the URL (queue view
// or exception page), and wires the header, filters, bulk bar and keyboard to the modules.
import * as actions from './actions.js';
import * as api from './api.js';
import * as detail from './detail.js';
import {$, show} from './dom.js';
import {initFilters, learnValues, syncFilters} from './filters.js';
import {clearErrorFlash, clearFlash, flash, flashError} from './flash.js';
import {installKeys} from './keys.js';
import {initLogin, loginShown, showLogin} from './login.js';
import * as queue from './queue.js';
import {exceptionUrl, listenForRoutes, navigate, parseLocation, queueUrl, VIEWS} from './route.js';
import {session, signedIn} from './session.js';
import {invalidateCounts, refreshCounts, renderTabs, viewLabel} from './views.js';

const REFRESH_MS = 60000;
let lastPage = null;

async function route() {
  if (!session.user) return;
  const state = parseLocation();
  clearErrorFlash();
  renderTabs(state);
  syncFilters(state);
  // Counts are refetched only when the filters change (or after an action): cheap to call.
  refreshCounts(state).catch(() => {});
  show($('queue'), state.page === 'queue');
  show($('detail'), state.page === 'exception');
  try {
    if (state.page === 'exception') {
      await detail.load(state.id, state);
      detail.focusTitle();
    } else {
      document.title = `${viewLabel(state.view)} · ordex`;
      learnValues(await queue.load(state, {keepCursor: lastPage === 'exception'}));
      // Back from an exception page: the keyboard carries on from the row the rep left.
      if (lastPage === 'exception') queue.focusCursor();
    }
    lastPage = state.page;
  } catch (error) {
    flashError(error, 'load the queue');
  }
}

function signedInAs(who) {
  signedIn(who);
  api.setCsrfToken(who.csrf_token);
  $('who').textContent = `${who.user} · ${who.role}`;
  $('top').hidden = false;
  $('login').hidden = true;
  route();
}

// After an action on the queue page: reload the page and the counts, keeping the cursor.
async function refreshQueue() {
  const state = parseLocation();
  await queue.load(state, {keepCursor: true});
  refreshCounts(state, {force: true}).catch(() => {});
}

async function takeNext() {
  const state = parseLocation();
  const taken = await actions.next(state.filters);
  if (taken) {
    invalidateCounts();
    navigate(exceptionUrl(taken.id, state));
    flash(`Took #${taken.id}: ${taken.summary || taken.type}.`);
  }
}

// c, a, w, r act on the exception on screen, or on the highlighted row of the queue.
async function onTarget(name) {
  const state = parseLocation();
  if (state.page === 'exception') return detail.run(name);
  const id = queue.cursorId();
  if (id === null) return undefined;
  const updated = await actions[name](id);
  if (updated) await refreshQueue();
  queue.focusCursor();
  return undefined;
}

async function applyBulk() {
  const ids = queue.selectedIds();
  const result = await actions.bulk($('bulk-action').value, ids);
  if (result) {
    queue.clearSelection();
    await refreshQueue();
  }
}

function wireHeader() {
  $('next-button').addEventListener('click', takeNext);
  $('help-button').addEventListener('click', () => $('help-dialog').showModal());
  $('report-link').href = api.reportUrl;
  $('logout-button').addEventListener('click', async () => {
    try {
      await api.logout();
    } catch (error) {
      if (!error.handled) flashError(error, 'sign out');
    }
    signedIn(null);
    api.setCsrfToken(null);
    clearFlash();
    showLogin('You are signed out.');
  });
  $('page-prev').addEventListener('click', () => queue.turnPage(-1));
  $('page-next').addEventListener('click', () => queue.turnPage(1));
  $('select-all').addEventListener('change', (event) => queue.selectAll(event.target.checked));
  $('bulk-apply').addEventListener('click', applyBulk);
  $('bulk-clear').addEventListener('click', () => queue.clearSelection());
  // In-app links change the URL without reloading the page; modified clicks open tabs.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-route]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey ||
        event.altKey)
      return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
}

function wireKeys() {
  const onQueue = () => parseLocation().page === 'queue';
  const bindings = {
    j: () => onQueue() && queue.move(1),
    k: () => onQueue() && queue.move(-1),
    Enter: () => onQueue() && queue.open(),
    x: () => onQueue() && queue.toggleCursorSelection(),
    n: takeNext,
    c: () => onTarget('claim'),
    a: () => onTarget('note'),
    w: () => onTarget('wait'),
    r: () => onTarget('resolve'),
    '/': () => {
      if (!onQueue()) navigate(queueUrl(parseLocation()));
      $('filter-queue').focus();
    },
    '?': () => $('help-dialog').showModal(),
    Escape: () => {
      if (!onQueue()) navigate(queueUrl(parseLocation()));
    },
  };
  VIEWS.forEach((view, i) => {
    bindings[String(i + 1)] = () =>
        navigate(queueUrl({...parseLocation(), page: 'queue', view: view.id, offset: 0}));
  });
  installKeys(bindings);
}

// A rep leaves the queue open all day: refresh it while visible and idle.
function autoRefresh() {
  setInterval(() => {
    if (!session.user || document.hidden || loginShown() || document.querySelector('dialog[open]'))
      return;
    if (parseLocation().page === 'queue') refreshQueue().catch(() => {});
  }, REFRESH_MS);
}

async function boot() {
  api.onSessionLost((code) => {
    const wasSignedIn = session.user !== null;
    signedIn(null);
    showLogin(
        code === 'session_expired' || wasSignedIn ?
            'Your session has ended. Sign in again to carry on where you were.' :
            'Please sign in.');
  });
  initLogin(signedInAs);
  initFilters((filters) => navigate(queueUrl({...parseLocation(), ...filters, offset: 0})));
  wireHeader();
  wireKeys();
  listenForRoutes(() => {
    if (!loginShown()) route();
  });
  // / serves the same page as /ui/: one canonical address for bookmarks.
  if (window.location.pathname === '/')
    window.history.replaceState(null, '', `/ui/${window.location.search}`);
  try {
    signedInAs(await api.me());
  } catch (error) {
    showLogin(error.status === 401 ? '' : error.message);
  }
  autoRefresh();
}

boot();
