// The JSON API (/api/v1) as the web queue uses it. One place knows the session rules: the
// CSRF token from login or /me goes on every POST as X-CSRF-Token, and a 401 hands control to
// the login form (the page's URL is left alone so the rep comes back to where they were).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
    this.handled = false;  // true when the login form already took over (401)
  }
}

let csrfToken = null;
let sessionLost = () => {};

export function setCsrfToken(token) {
  csrfToken = token || null;
}

// Called with the error code ('unauthenticated' or 'session_expired') on any 401.
export function onSessionLost(handler) {
  sessionLost = handler;
}

async function errorFrom(response) {
  let code = `http_${response.status}`;
  let message = `The server answered ${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (body && body.error) {
      code = body.error.code || code;
      message = body.error.message || message;
    }
  } catch {
    // Not JSON (a proxy's error page, say): the status line is all there is.
  }
  return new ApiError(response.status, code, message);
}

async function request(method, path, body, {quietAuth = false, retried = false} = {}) {
  const headers = {Accept: 'application/json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(
        0, 'network', 'Cannot reach the ordex server. Check the connection and try again.');
  }
  if (response.status === 204) return null;
  if (response.ok) return response.json();
  const error = await errorFrom(response);
  if (error.status === 401 && !quietAuth) {
    error.handled = true;
    sessionLost(error.code);
  } else if (error.status === 403 && error.code === 'csrf' && !retried && method !== 'GET') {
    // The token went stale (a new session in another tab): fetch the current one, try once more.
    const who = await request('GET', '/me', undefined, {quietAuth});
    setCsrfToken(who && who.csrf_token);
    return request(method, path, body, {quietAuth, retried: true});
  }
  throw error;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// /me and login must not trigger the session-lost handler: they are how the app finds out.
export const me = () => request('GET', '/me', undefined, {quietAuth: true});
export const login = (user, password) =>
    request('POST', '/login', {user, password}, {quietAuth: true});
// No body: there is nothing to send, and an empty POST is the safest for any server to skip.
export const logout = () => request('POST', '/logout');

export const listExceptions = (params) => request('GET', `/exceptions${query(params)}`);
export const getException = (id) => request('GET', `/exceptions/${encodeURIComponent(id)}`);
export const nextException = (filters) => request('POST', '/exceptions/next', filters);
// action: claim | release | resume | assign | note | wait | resolve | reopen | merge
export const act = (id, action, body = {}) =>
    request('POST', `/exceptions/${encodeURIComponent(id)}/${action}`, body);
export const bulk = (body) => request('POST', '/exceptions/bulk', body);

export const reportUrl = '/api/v1/reports/daily?format=html';
