// The exception page: what it is, its SLA, the evidence the rule recorded, the order's
// timeline, the waits and the audit trail, with the actions a rep takes on it. Every action
// re-reads the exception so the audit trail on screen is the server's.
import * as actions from './actions.js';
import * as api from './api.js';
import {$, h, replaceChildren} from './dom.js';
import {flashError} from './flash.js';
import {localTime, nextDue, relativeDue} from './format.js';
import {changesNode, definitionList, label, objectsTable, valueNode} from './records.js';
import {navigate, queueUrl} from './route.js';
import {canLead, session} from './session.js';
import {invalidateCounts, viewLabel} from './views.js';

let current = null;  // the exception JSON on screen
let routeState = null;
let loadSeq = 0;

export const currentId = () => (current ? current.id : null);

export async function load(id, state) {
  const seq = ++loadSeq;
  routeState = state;
  const node = $('detail');
  node.setAttribute('aria-busy', 'true');
  try {
    const exception = await api.getException(id);
    if (seq !== loadSeq) return;
    current = exception;
    render();
  } catch (error) {
    if (seq !== loadSeq) return;
    current = null;
    replaceChildren(
        node, backLink(), h('h1', {id: 'detail-title', tabindex: '-1'}, `Exception #${id}`),
        h('p', {class: 'error'}, error.handled ? '' : error.message));
    if (!error.handled && error.status !== 404) flashError(error, `open #${id}`);
  } finally {
    if (seq === loadSeq) node.removeAttribute('aria-busy');
  }
}

function backLink() {
  return h(
      'nav', {class: 'crumbs', 'aria-label': 'Back'},
      h('a', {href: queueUrl(routeState), 'data-route': true}, `← ${viewLabel(routeState.view)}`,
        ' ', h('kbd', {}, 'Esc')));
}

// One action: ask, call the API, then show the server's state. Resolving sends the rep back
// to the queue, where the exception has left.
export async function run(name) {
  if (!current) return;
  const id = current.id;
  const updated = await actions[name](id);
  if (!updated) return;
  invalidateCounts();
  if (name === 'resolve') {
    navigate(queueUrl(routeState));
    return;
  }
  await load(id, routeState);
}

function button(name, text, key, {primary = false} = {}) {
  return h(
      'button', {
        type: 'button',
        class: primary ? 'primary' : null,
        'data-action': name,
        'aria-keyshortcuts': key || null,
        title: key ? `${text} (${key})` : text,
        onclick: () => run(name),
      },
      text, key ? [' ', h('kbd', {}, key)] : null);
}

function actionBar(e) {
  const active = e.status === 'open' || e.status === 'waiting';
  const mine = e.claimed_by && e.claimed_by === session.user;
  return h(
      'div', {class: 'actions', role: 'toolbar', 'aria-label': 'Actions'},
      active && !mine ? button('claim', 'Claim', 'c') : null,
      active && mine ? button('release', 'Release') : null, button('note', 'Add note', 'a'),
      e.status === 'open' ? button('wait', 'Wait', 'w') : null,
      e.status === 'waiting' ? button('resume', 'Resume') : null,
      active ? button('resolve', 'Resolve', 'r', {primary: true}) : null,
      active && canLead() ? button('assign', 'Assign') : null,
      !active && canLead() ? button('reopen', 'Reopen') : null);
}

function header(e) {
  return h(
      'header', {class: 'detail-head'},
      h('h1', {id: 'detail-title', tabindex: '-1'}, h('span', {class: 'id'}, `#${e.id}`), ' ',
        h('code', {}, e.type)),
      h('p', {class: 'badges'}, h('span', {class: `chip sev-${e.severity}`}, e.severity),
        h('span', {class: `chip status-${e.status}`}, e.status),
        e.breached ? h('span', {class: 'mark breached'}, 'Breached') : null,
        !e.breached && e.at_risk ? h('span', {class: 'mark at-risk'}, 'At risk') : null),
      h('p', {class: 'detail-summary'}, e.summary || ''));
}

function facts(e) {
  const due = nextDue(e);
  const rows = [
    ['Partner', e.partner],
    ['PO', e.po || '—'],
    ['Subject', e.subject || null],
    ['Queue', e.queue],
    ['Assignee', e.assignee || '—'],
    ['Claimed by', e.claimed_by || null],
    [
      'Opened',
      e.opened_at ? h('time', {datetime: e.opened_at, title: e.opened_at}, localTime(e.opened_at)) :
                    '—'
    ],
    [
      'Due',
      due ? h('span', {class: e.breached ? 'late' : null, title: due},
              `${relativeDue(due)} · ${localTime(due)}`) :
            '—'
    ],
    ['Response due', e.response_due ? valueNode(e.response_due) : '—'],
    ['Resolve due', e.resolve_due ? valueNode(e.resolve_due) : '—'],
  ];
  // Members only the detail has; each shown when it says something.
  const more = [
    'sla_policy', 'escalation', 'responded_at', 'first_opened_at', 'reopen_count', 'waiting_on',
    'wait_until', 'resolved_at', 'resolved_by', 'resolution', 'merged_into'
  ];
  for (const key of more) {
    const value = e[key];
    if (value === undefined || value === null || value === '' || value === 0) continue;
    rows.push([label(key), valueNode(value)]);
  }
  return h(
      'dl', {class: 'facts'},
      rows.filter(([, v]) => v !== null).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function section(title, id, ...content) {
  return h('section', {class: 'panel', 'aria-labelledby': id}, h('h2', {id}, title), content);
}

// The timeline is an array somewhere in the order JSON; the rest is the order's summary.
function orderSection(order) {
  if (!order)
    return section('Order timeline', 'order-title', h('p', {class: 'muted'}, 'No order linked.'));
  const list = ['timeline', 'entries', 'events'].map((k) => order[k]).find(Array.isArray) || [];
  const summaryOnly =
      Object.fromEntries(Object.entries(order).filter(([, v]) => !Array.isArray(v)));
  return section(
      'Order timeline', 'order-title',
      definitionList(
          summaryOnly, {order: ['partner', 'po', 'status', 'order_date', 'ship_by', 'due']}),
      objectsTable(list, {order: ['at', 'what', 'detail', 'source'], caption: 'Order timeline'}));
}

function render() {
  const e = current;
  // The tab and the history list name the exception, not just the app.
  document.title = `#${e.id} ${e.type} · ordex`;
  replaceChildren(
      $('detail'), backLink(), header(e), actionBar(e),
      h('div', {class: 'columns'}, section('Exception', 'facts-title', facts(e)),
        section('Evidence', 'evidence-title', definitionList(e.evidence))),
      orderSection(e.order), section('Waits', 'waits-title', objectsTable(e.waits, {
                                       order: ['started_at', 'ended_at', 'waiting_on', 'until'],
                                       caption: 'Waits'
                                     })),
      section('Audit trail', 'audit-title', objectsTable(e.audit, {
                order: ['at', 'actor', 'action', 'note', 'after'],
                skip: ['before', 'id', 'exception_id'],
                cells: {after: (after, entry) => changesNode(entry.before, after)},
                labels: {after: 'Changes'},
                caption: 'Audit trail'
              })));
}

export function focusTitle() {
  const title = $('detail-title');
  if (title) title.focus({preventScroll: false});
}
