// What a rep does to an exception, each as one function that asks for what it needs (a note's
// text, a wait's until and on what, a resolution's reason), calls the API and says what
// happened. They return the updated exception JSON, or null when cancelled or failed.
import * as api from './api.js';
import {askForm} from './dialog.js';
import {flash, flashError} from './flash.js';
import {localInputToIso, plural, tomorrowMorningInput} from './format.js';

const WAIT_FIELDS = [
  {
    name: 'until',
    label: 'Wait until',
    type: 'datetime-local',
    required: true,
    value: '',
    hint: 'Your local time. The SLA clocks stop until then.'
  },
  {
    name: 'on',
    label: 'Waiting on',
    required: true,
    hint: 'Who or what: customer, carrier, warehouse…'
  },
];

function waitFields() {
  return WAIT_FIELDS.map((f) => (f.name === 'until' ? {...f, value: tomorrowMorningInput()} : f));
}

function waitBody(values) {
  const until = localInputToIso(values.until);
  if (!until) throw new Error('Wait until: enter a date and time.');
  return {until, on: values.on};
}

async function simple(id, action, doing, done) {
  try {
    const updated = await api.act(id, action, {});
    flash(done);
    return updated;
  } catch (error) {
    flashError(error, doing);
    return null;
  }
}

export const claim = (id) => simple(id, 'claim', `claim #${id}`, `Claimed #${id}.`);
export const release = (id) => simple(id, 'release', `release #${id}`, `Released #${id}.`);
export const resume = (id) => simple(id, 'resume', `resume #${id}`, `Resumed #${id}.`);

async function withForm(id, {title, fields, okLabel, action, body, done}) {
  const updated = await askForm({
    title,
    fields,
    okLabel,
    submit: (values) => api.act(id, action, body(values)),
  });
  if (updated) flash(done);
  return updated;
}

export const note = (id) => withForm(id, {
  title: `Add a note to #${id}`,
  okLabel: 'Add note',
  action: 'note',
  fields: [{name: 'text', label: 'Note', type: 'textarea', required: true}],
  body: (v) => ({text: v.text}),
  done: `Note added to #${id}.`,
});

export const wait = (id) => withForm(id, {
  title: `Wait on #${id}`,
  okLabel: 'Wait',
  action: 'wait',
  fields: waitFields(),
  body: waitBody,
  done: `#${id} is waiting.`,
});

export const resolve = (id) => withForm(id, {
  title: `Resolve #${id}`,
  okLabel: 'Resolve',
  action: 'resolve',
  fields: [{
    name: 'reason',
    label: 'Resolution',
    type: 'textarea',
    required: true,
    hint: 'What was done: it goes in the audit trail and the daily report.'
  }],
  body: (v) => ({reason: v.reason}),
  done: `Resolved #${id}.`,
});

export const reopen = (id) => withForm(id, {
  title: `Reopen #${id}`,
  okLabel: 'Reopen',
  action: 'reopen',
  fields: [{name: 'reason', label: 'Why', type: 'textarea', required: true}],
  body: (v) => ({reason: v.reason}),
  done: `Reopened #${id}.`,
});

export const assign = (id) => withForm(id, {
  title: `Assign #${id}`,
  okLabel: 'Assign',
  action: 'assign',
  fields: [{name: 'to', label: 'Assign to (user name; empty to unassign)'}],
  body: (v) => ({to: v.to}),
  done: `Assigned #${id}.`,
});

// Takes the next exception for the current filters (the API claims it for the caller).
// Returns it, or null when the queue is empty or the call failed.
export async function next(filters) {
  try {
    const taken = await api.nextException(filters);
    if (!taken) flash('Nothing to take: the queue is clear for these filters.');
    return taken;
  } catch (error) {
    flashError(error, 'take the next exception');
    return null;
  }
}

// What each bulk action asks for; the members go beside "action" and "ids" in the body.
const BULK = {
  claim: {fields: [], body: () => ({})},
  release: {fields: [], body: () => ({})},
  resume: {fields: [], body: () => ({})},
  assign: {
    fields: [{name: 'to', label: 'Assign to (user name; empty to unassign)'}],
    body: (v) => ({to: v.to})
  },
  note: {
    fields: [{name: 'text', label: 'Note', type: 'textarea', required: true}],
    body: (v) => ({text: v.text})
  },
  wait: {fields: WAIT_FIELDS, body: waitBody},
  resolve: {
    fields: [{name: 'reason', label: 'Resolution', type: 'textarea', required: true}],
    body: (v) => ({reason: v.reason})
  },
};

// Returns the API's {changed, failed}, or null when cancelled.
export async function bulk(action, ids) {
  const spec = BULK[action];
  if (!spec || ids.length === 0) return null;
  const fields = action === 'wait' ? waitFields() : spec.fields;
  const result = await askForm({
    title: `${action[0].toUpperCase()}${action.slice(1)} ${plural(ids.length, 'exception')}`,
    okLabel: 'Apply',
    fields,
    submit: (values) => api.bulk({action, ids, ...spec.body(values)}),
  });
  if (!result) return null;
  const changed = (result.changed || []).length;
  const failed = result.failed || [];
  if (failed.length === 0) {
    flash(`${action}: ${plural(changed, 'exception')} changed.`);
  } else {
    const why = failed.slice(0, 3).map((f) => `#${f.id} ${f.message || f.code}`).join('; ');
    flash(
        `${action}: ${changed} changed, ${failed.length} failed (${why}${
            failed.length > 3 ? '; …' : ''}).`,
        'error');
  }
  return result;
}
