// The one modal form the actions use (note, wait, resolve, assign, bulk): the fields are
// described as data, and the dialog stays open with the API's message when the submit fails,
// so a rep never loses a note they typed.
import {$, h, replaceChildren} from './dom.js';

let open = false;

export const isDialogOpen = () => open || document.querySelector('dialog[open]') !== null;

// fields: [{name, label, type: 'text'|'textarea'|'datetime-local', value, required, hint}]
// submit(values) is awaited; when it throws, its message shows and the dialog stays.
// Resolves to submit's result, or null when cancelled.
export function askForm({title, fields, okLabel = 'OK', submit}) {
  const dialog = $('action-dialog');
  const form = $('action-form');
  const error = $('action-error');
  $('action-title').textContent = title;
  $('action-ok').textContent = okLabel;
  error.hidden = true;
  const inputs = fields.map((field, i) => {
    const id = `action-field-${i}`;
    const attrs = {
      id,
      name: field.name,
      required: field.required,
      'aria-describedby': field.hint ? `${id}-hint` : null,
    };
    const input = field.type === 'textarea' ?
        h('textarea', {...attrs, rows: 4}) :
        h('input', {...attrs, type: field.type || 'text', autocomplete: 'off'});
    input.value = field.value || '';
    return {
      field,
      input,
      node:
          h('div', {class: 'field'},
            h('label',
              { for: id
              },
              field.label),
            input, field.hint ? h('p', {class: 'hint', id: `${id}-hint`}, field.hint) : null)
    };
  });
  replaceChildren($('action-fields'), inputs.map((i) => i.node));

  return new Promise((resolve) => {
    let busy = false;
    const finish = (result) => {
      form.removeEventListener('submit', onSubmit);
      $('action-cancel').removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      open = false;
      if (dialog.open) dialog.close();
      resolve(result);
    };
    const onCancel = (event) => {
      event.preventDefault();
      if (!busy) finish(null);
    };
    const onSubmit = async (event) => {
      event.preventDefault();
      if (busy) return;
      const values = {};
      for (const {field, input} of inputs) {
        values[field.name] = input.value.trim();
        if (field.required && !values[field.name]) {
          error.textContent = `${field.label} is required.`;
          error.hidden = false;
          input.focus();
          return;
        }
      }
      busy = true;
      $('action-ok').disabled = true;
      try {
        finish(await submit(values));
      } catch (failure) {
        error.textContent = failure && failure.message ? failure.message : String(failure);
        error.hidden = Boolean(failure && failure.handled);
        if (failure && failure.handled) finish(null);  // the session ended: login form now
      } finally {
        busy = false;
        $('action-ok').disabled = false;
      }
    };
    form.addEventListener('submit', onSubmit);
    $('action-cancel').addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    open = true;
    dialog.showModal();
    if (inputs.length)
      inputs[0].input.focus();
    else
      $('action-ok').focus();
  });
}
