// Modal dialogs on the native <dialog> element, which traps focus, closes on Escape and gives
// focus back to the control that opened it.
import { el } from './dom.js';
import { t } from './i18n.js';

let dialogs = 0;

// Resolves to the chosen action's value, or null when dismissed. `content` is a list of nodes;
// `actions` [{value, label, primary, danger}]; `validate()` may veto the primary action.
export function openDialog({ title, content = [], actions = [{ value: 'ok', label: t('ok'), primary: true }], validate = () => true, className = '' }) {
  return new Promise((resolve) => {
    const id = `dialog-title-${++dialogs}`;
    const dialog = el('dialog', { className: `dialog ${className}`, attrs: { 'aria-labelledby': id } });
    let result = null;
    const buttons = actions.map((action) => el('button', {
      type: 'button',
      className: [action.primary ? 'primary' : '', action.danger ? 'danger' : ''].join(' ').trim(),
      text: action.label,
      on: {
        click: () => {
          if (action.primary && !validate()) return;
          result = action.value;
          dialog.close();
        },
      },
    }));
    const cancel = el('button', { type: 'button', text: t('cancel'), on: { click: () => dialog.close() } });
    dialog.append(
      el('h2', { id, text: title }),
      el('div', { className: 'dialog-body' }, content),
      el('div', { className: 'dialog-actions' }, cancel, buttons),
    );
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input:not([type=radio]):not([type=checkbox])')) {
        event.preventDefault();
        buttons.find((_, i) => actions[i].primary)?.click();
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    (dialog.querySelector('[autofocus]') ?? buttons.find((_, i) => actions[i].primary) ?? cancel).focus();
  });
}

export function message(title, text, actions) {
  return openDialog({ title, content: [el('p', { text })], actions });
}
