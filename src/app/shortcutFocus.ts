/**
 * Which keys the focused element keeps for itself, so a global shortcut never fires on top of what the
 * element does with the key. The rule the Keyboard shortcuts dialog states: shortcuts work wherever
 * focus is, except in fields that take typing; a focused button (or link, checkbox, tab) takes Space and
 * Enter and is pressed once; sliders and the views that step with arrows (`data-own-keys`) take the arrows.
 */

/** Input types that are pressed, not typed into. */
const PRESSED_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'color', 'image']);
const PRESSED_ROLES = new Set(['button', 'checkbox', 'radio', 'switch', 'tab', 'link', 'menuitem', 'option']);
const ARROW_ROLES = new Set(['slider', 'spinbutton', 'radio', 'tab', 'option', 'listbox', 'tablist']);
const ARROW_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** A field that takes typed text or picks from a list: every key is its own. */
export function takesTyping(target: Element): boolean {
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !PRESSED_INPUTS.has(target.type) && target.type !== 'range';
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

function isPressable(target: Element): boolean {
  if (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY') return true;
  if (target instanceof HTMLAnchorElement && target.hasAttribute('href')) return true;
  if (target instanceof HTMLInputElement && PRESSED_INPUTS.has(target.type)) return true;
  return PRESSED_ROLES.has(target.getAttribute('role') ?? '');
}

function movesWithArrows(target: Element): boolean {
  if (target instanceof HTMLInputElement && (target.type === 'range' || target.type === 'radio')) return true;
  if (ARROW_ROLES.has(target.getAttribute('role') ?? '')) return true;
  return target.closest('[data-own-keys]') !== null;
}

/** Whether `key`, pressed with focus on `target`, belongs to that element rather than to a shortcut. */
export function focusKeepsKey(target: EventTarget | null, key: string): boolean {
  // SVG elements too: the figures' edges and points are focusable buttons.
  if (!(target instanceof Element)) return false;
  if (takesTyping(target)) return true;
  if ((key === ' ' || key === 'Enter') && isPressable(target)) return true;
  return ARROW_KEYS.has(key) && movesWithArrows(target);
}
