import type { RawCustomer } from '@/utils/crm/types';
import { t, type MessageKey } from '@/utils/i18n';

/**
 * The preview: what will be sent, editable, before it is sent. Plain DOM in the button's shadow
 * root (no framework: content scripts stay small); every value is set as a property or text,
 * never parsed as HTML. Enter sends, Esc closes and sends nothing.
 */
export interface PresetChoice {
  id: string;
  name: string;
}

export interface PreviewChoice {
  customer: RawCustomer;
  presetId: string;
}

type Field = [key: keyof RawCustomer, label: MessageKey, type: string, autocomplete: AutoFill];

const NAME_FIELDS: Field[] = [
  ['firstName', 'fieldFirstName', 'text', 'given-name'],
  ['lastName', 'fieldLastName', 'text', 'family-name'],
];
const FULL_NAME: Field[] = [['fullName', 'fieldFullName', 'text', 'name']];
const CONTACT_FIELDS: Field[] = [
  ['email', 'fieldEmail', 'email', 'email'],
  ['phone', 'fieldPhone', 'tel', 'tel'],
  ['country', 'fieldCountry', 'text', 'country-name'],
];

export const PREVIEW_STYLE = `
form.preview { flex-basis: 100%; display: grid; grid-template-columns: auto 1fr; gap: 6px 8px; align-items: center;
  padding: 10px; margin-top: 4px; border: 1px solid #d1d5db; border-radius: 8px; background: #fff; max-width: 420px; }
form.preview label { font-weight: 600; }
form.preview input, form.preview select { font: inherit; padding: 4px 6px; border: 1px solid #9ca3af; border-radius: 6px; min-width: 0; }
form.preview input:focus-visible, form.preview select:focus-visible { outline: 3px solid #f59e0b; outline-offset: 1px; }
form.preview .actions { grid-column: 1 / -1; display: flex; gap: 8px; }
form.preview .secondary { background: #fff; color: #5b3cc4; border: 1px solid #5b3cc4; }
form.preview .hint { grid-column: 1 / -1; margin: 0; color: #b91c1c; }
form.preview .hint:empty { display: none; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** Close an open preview as Esc would (nothing sent): the record it was about is gone. */
export function closePreview(root: ShadowRoot): void {
  root.querySelector('form.preview')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
}

/** Show the preview under the button; resolves with the (edited) choice, or null when closed. */
export function openPreview(
  root: ShadowRoot,
  customer: RawCustomer,
  presets: PresetChoice[],
  presetId: string,
): Promise<PreviewChoice | null> {
  root.querySelector('form.preview')?.remove();
  const form = el('form', { className: 'preview', noValidate: true });
  form.setAttribute('aria-label', t('previewLabel'));
  const fields = [...(customer.firstName || customer.lastName || !customer.fullName ? NAME_FIELDS : FULL_NAME), ...CONTACT_FIELDS];
  const inputs = new Map<keyof RawCustomer, HTMLInputElement>();
  for (const [key, label, type, autocomplete] of fields) {
    const input = el('input', { id: `rayapp-${key}`, type, autocomplete, value: String(customer[key] ?? '') });
    form.append(el('label', { htmlFor: input.id, textContent: t(label) }), input);
    inputs.set(key, input);
  }
  const select = el('select', { id: 'rayapp-preset' });
  for (const preset of presets) select.append(el('option', { value: preset.id, textContent: preset.name, selected: preset.id === presetId }));
  form.append(el('label', { htmlFor: select.id, textContent: t('previewEvent') }), select);
  const hint = el('p', { className: 'hint' });
  hint.setAttribute('role', 'alert');
  const actions = el('div', { className: 'actions' });
  actions.append(el('button', { type: 'submit', textContent: t('send') }), el('button', { type: 'button', className: 'secondary', textContent: t('cancel') }));
  form.append(hint, actions);
  root.append(form);
  // The first empty field: what the scraper could not find is what the user is likely to type.
  ([...inputs.values()].find((input) => !input.value) ?? inputs.values().next().value)?.focus();

  return new Promise((resolve) => {
    const close = (choice: PreviewChoice | null) => {
      form.remove();
      resolve(choice);
    };
    form.addEventListener('keydown', (event) => {
      event.stopPropagation(); // the CRM's own shortcuts must not fire while typing here
      if (event.key === 'Escape') close(null);
    });
    actions.lastElementChild!.addEventListener('click', () => close(null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const edited: RawCustomer = {};
      for (const [key, input] of inputs) {
        const value = input.value.trim();
        if (value) (edited as Record<string, string>)[key] = value;
      }
      if (!edited.email && !edited.phone) {
        hint.textContent = t('addEmailOrPhone');
        inputs.get('email')?.focus();
        return;
      }
      close({ customer: { ...edited, ...(customer.profiles ? { profiles: customer.profiles } : {}) }, presetId: select.value });
    });
  });
}
