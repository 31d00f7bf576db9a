// The sign-in form. It takes over the page when there is no session or it expired, and the
// URL stays as it was, so after signing in the rep is back on the same view or exception.
import * as api from './api.js';
import {$} from './dom.js';

let onSignedIn = () => {};

export function initLogin(handler) {
  onSignedIn = handler;
  $('login-form').addEventListener('submit', submit);
}

export function showLogin(note) {
  $('top').hidden = true;
  $('queue').hidden = true;
  $('detail').hidden = true;
  $('login').hidden = false;
  $('login-note').textContent = note || '';
  $('login-note').hidden = !note;
  $('login-error').hidden = true;
  $('login-password').value = '';
  const user = $('login-user');
  (user.value ? $('login-password') : user).focus();
}

export const loginShown = () => !$('login').hidden;

async function submit(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  const error = $('login-error');
  if (!user || !password) {
    error.textContent = 'Enter your user name and password.';
    error.hidden = false;
    return;
  }
  $('login-submit').disabled = true;
  try {
    const who = await api.login(user, password);
    api.setCsrfToken(who.csrf_token);
    $('login-password').value = '';
    $('login').hidden = true;
    onSignedIn(who);
  } catch (failure) {
    // 401 is a wrong user or password: say so plainly, and not which of the two.
    error.textContent = failure.status === 401 ? 'Wrong user name or password.' : failure.message;
    error.hidden = false;
    $('login-password').select();
  } finally {
    $('login-submit').disabled = false;
  }
}
