import { beforeEach, describe, expect, it } from 'vitest';
import { openPreview } from './preview';

const PRESETS = [
  { id: 'default', name: 'Default' },
  { id: 'call', name: 'Demo call' },
];
let root: ShadowRoot;
const input = (label: string) => [...root.querySelectorAll('label')].find((l) => l.textContent === label)!.control as HTMLInputElement;
const press = (key: string) => root.querySelector('form')!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const submit = () => root.querySelector('form')!.requestSubmit();

beforeEach(() => {
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
});

describe('preview', () => {
  it('shows what will be sent, editable; Enter sends the edited values and the chosen preset', async () => {
    const choice = openPreview(root, { firstName: 'Ana', lastName: 'García', email: 'ana@example.es', company: 'Acme' }, PRESETS, 'default');
    expect(input('First name').value).toBe('Ana');
    expect(input('Email').value).toBe('ana@example.es');
    expect(input('Phone').value).toBe('');
    expect(root.activeElement).toBe(input('Phone')); // the first empty field, ready to type
    input('Phone').value = '+34 600 123 456';
    (root.querySelector('select') as HTMLSelectElement).value = 'call';
    submit();
    expect(await choice).toEqual({
      customer: { firstName: 'Ana', lastName: 'García', email: 'ana@example.es', phone: '+34 600 123 456' },
      presetId: 'call',
    });
    expect(root.querySelector('form')).toBeNull();
  });

  it('Esc closes and sends nothing; Cancel too', async () => {
    const first = openPreview(root, { email: 'ana@example.es' }, PRESETS, 'default');
    press('Escape');
    expect(await first).toBeNull();
    const second = openPreview(root, { email: 'ana@example.es' }, PRESETS, 'default');
    (root.querySelector('button.secondary') as HTMLButtonElement).click();
    expect(await second).toBeNull();
  });

  it('a name shown as one field stays one field; scraped text is never HTML', async () => {
    const choice = openPreview(root, { fullName: '<img src=x onerror=alert(1)>', phone: '+1 415 555 0100' }, PRESETS, 'default');
    expect(input('Name').value).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    submit();
    expect((await choice)?.customer).toEqual({ fullName: '<img src=x onerror=alert(1)>', phone: '+1 415 555 0100' });
  });

  it('without an email or phone it asks for one instead of sending', async () => {
    const choice = openPreview(root, { fullName: 'Ana García' }, PRESETS, 'default');
    submit();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Add an email or a phone');
    expect(root.activeElement).toBe(input('Email'));
    input('Email').value = 'ana@example.es';
    submit();
    expect((await choice)?.customer).toEqual({ fullName: 'Ana García', email: 'ana@example.es' });
  });

  it('every control has a label', () => {
    void openPreview(root, { email: 'ana@example.es' }, PRESETS, 'default');
    for (const control of root.querySelectorAll('input, select')) {
      expect(root.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
  });
});
