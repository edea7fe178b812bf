// Short notices in a polite live region: what just happened ("Link copied"), warnings, errors.
import { $, el } from './dom.js';

export function toast(text, kind = 'info') {
  const item = el('li', { className: `toast toast-${kind}`, text });
  $('toasts').append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 9000 : 4500);
}
