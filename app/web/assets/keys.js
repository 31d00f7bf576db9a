// Keyboard shortcuts for reps who work the queue all day. A key never fires while the rep is
// typing (inputs, text areas, selects, editable content) or while a dialog is open, and never
// with Ctrl/Alt/Meta held, so browser and screen-reader shortcuts keep working.
import {isDialogOpen} from './dialog.js';

function typing(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // A checkbox or a button has focus without taking text.
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

// bindings: { 'j': fn, 'Enter': fn, '?': fn, ... } keyed by KeyboardEvent.key.
export function installKeys(bindings) {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.isComposing || typing(event.target) || isDialogOpen()) return;
    // Enter on a link or button already means "activate": leave it to the browser.
    if (event.key === 'Enter' && event.target instanceof Element &&
        event.target.closest('a, button'))
      return;
    const handler = bindings[event.key];
    if (!handler) return;
    event.preventDefault();
    handler(event);
  });
}
