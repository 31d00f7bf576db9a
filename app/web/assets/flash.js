// One message line under the header: what just happened, or what went wrong and why (the
// API's own error message). Errors stay until the next action; confirmations fade.
import {$} from './dom.js';

let timer = null;

export function flash(message, kind = 'info') {
  const node = $('flash');
  clearTimeout(timer);
  node.textContent = message;
  node.className = `flash ${kind}`;
  // An error interrupts a screen reader; a confirmation waits its turn.
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  node.hidden = false;
  if (kind !== 'error')
    timer = setTimeout(() => {
      node.hidden = true;
    }, 6000);
}

// An error is about what the rep was doing; once they move elsewhere it is stale.
export function clearErrorFlash() {
  if ($('flash').classList.contains('error')) clearFlash();
}

export function clearFlash() {
  clearTimeout(timer);
  $('flash').hidden = true;
}

// For a failed API call: the 401 case already moved the rep to the login form.
export function flashError(error, doing) {
  if (error && error.handled) return;
  const message = error && error.message ? error.message : String(error);
  flash(doing ? `Could not ${doing}: ${message}` : message, 'error');
}
