// How times and codes read on screen: relative dues a rep can scan ("in 3h", "2d 4h late"),
// exact local times on hover and in the detail page.

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function localTime(iso) {
  if (!iso) return '—';
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? String(iso) : dateTime.format(t);
}

// The same wording as the CLI's DUE column, so a rep and a script see the same thing.
export function relativeDue(dueIso, nowIso) {
  if (!dueIso) return '—';
  const due = Date.parse(dueIso);
  const now = nowIso ? Date.parse(nowIso) : Date.now();
  if (Number.isNaN(due) || Number.isNaN(now)) return String(dueIso);
  const minutes = Math.floor(Math.abs(due - now) / 60000);
  if (minutes === 0) return 'now';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  let text = '';
  if (days > 0) text += `${days}d`;
  if (hours > 0) text += `${text ? ' ' : ''}${hours}h`;
  if (days === 0 && mins > 0) text += `${text ? ' ' : ''}${mins}m`;
  return due > now ? `in ${text}` : `${text} late`;
}

// The due a rep acts on: the response due while nobody has responded, then the resolve due
// (the CLI's rule; responded_at is used when the API sends it).
export function nextDue(item) {
  const response = item.response_due;
  const resolve = item.resolve_due;
  if (response && !item.responded_at && (!resolve || Date.parse(response) < Date.parse(resolve))) {
    return response;
  }
  return resolve || null;
}

export function isPast(iso, nowIso) {
  return Boolean(iso) && Date.parse(iso) < (nowIso ? Date.parse(nowIso) : Date.now());
}

// "2026-11-24T09:00" from an <input type=datetime-local> is local time; the API wants an
// instant, so send it with the browser's offset.
export function localInputToIso(value) {
  const t = new Date(value);
  if (!value || Number.isNaN(t.getTime())) return null;
  const offset = -t.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${
      pad(offset % 60)}`;
}

// The value for a datetime-local input: tomorrow at 09:00 local, a sensible default for
// "wait on the customer".
export function tomorrowMorningInput() {
  const t = new Date();
  t.setDate(t.getDate() + 1);
  t.setHours(9, 0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T09:00`;
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
