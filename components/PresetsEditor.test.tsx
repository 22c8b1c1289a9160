import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PresetsEditor } from './PresetsEditor';
import type { Replies, SavedPresets } from '@/utils/messages/types';
import type { PresetsDraft } from '@/utils/presets/schema';

const SAVED: SavedPresets = {
  presets: [{ id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: { origin: 'crm' } }],
  defaultPresetId: 'default',
};

let root: HTMLElement;
let onSave: ReturnType<typeof vi.fn<(draft: PresetsDraft) => Promise<Replies['presets:save']>>>;
let ids: number;

/** What a worker answers to a valid save: the list as saved. */
const savedAs = async (draft: PresetsDraft): Promise<Replies['presets:save']> => ({
  ok: true,
  defaultPresetId: draft.defaultPresetId,
  presets: draft.presets.map((p) => ({ ...p, name: p.name.trim(), customProps: Object.fromEntries(p.customProps.map((r) => [r.key, r.value])) })),
});

beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  ids = 0;
  onSave = vi.fn(savedAs);
  await act(() => render(<PresetsEditor initial={SAVED} onSave={onSave} newId={() => `new-${++ids}`} />, root));
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

// Queries by what a user (or a screen reader) sees: roles, legends, labels.
const presetGroups = () => [...root.querySelectorAll<HTMLFieldSetElement>('fieldset.preset')];
const group = (name: string) => {
  const found = presetGroups().find((g) => g.querySelector(':scope > legend')?.textContent === name);
  if (!found) throw new Error(`no preset “${name}” (have: ${presetGroups().map((g) => g.querySelector('legend')?.textContent)})`);
  return found;
};
function labelled(scope: ParentNode, label: string, nth = 0): HTMLInputElement {
  const labels = [...scope.querySelectorAll('label')].filter((l) => l.textContent?.trim() === label || l.textContent?.startsWith(label));
  const input = labels[nth] && (labels[nth]!.htmlFor ? root.ownerDocument.getElementById(labels[nth]!.htmlFor) : labels[nth]!.querySelector('input'));
  if (!input) throw new Error(`no control labelled “${label}”`);
  return input as HTMLInputElement;
}
function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim() === name || b.textContent?.trim() === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = (element: HTMLElement) => act(() => element.click());
const errorOf = (input: HTMLInputElement) => {
  const id = input.getAttribute('aria-describedby');
  return id ? root.ownerDocument.getElementById(id)?.textContent : undefined;
};
const status = () => root.querySelector('[role="status"]')?.textContent;
const flush = () => act(async () => {});

async function addDemoCall() {
  await click(button(root, 'Add preset'));
  const fresh = group('New preset');
  await type(labelled(fresh, 'Name'), 'Demo call');
  const demo = group('Demo call');
  await type(labelled(demo, 'Event type'), 'CRM_CALL');
  await type(labelled(demo, 'Event subType'), 'OUTBOUND');
  await click(button(demo, 'Add property'));
  await type(labelled(demo, 'Key'), 'channel');
  await type(labelled(demo, 'Value'), 'phone');
  return demo;
}

describe('PresetsEditor', () => {
  it('lists the saved presets with their fields, customProps rows and the default checked', () => {
    const preset = group('Default');
    expect(labelled(preset, 'Name').value).toBe('Default');
    expect(labelled(preset, 'Event type').value).toBe('CRM_CONTACT');
    expect(labelled(preset, 'Event subType').value).toBe('MANUAL_NOTIFY');
    expect([labelled(preset, 'Key').value, labelled(preset, 'Value').value]).toEqual(['origin', 'crm']);
    expect(labelled(preset, 'Default preset').checked).toBe(true);
    // The last preset can't be deleted.
    expect(button(preset, 'Delete preset “Default”').disabled).toBe(true);
  });

  it('every control has a label, and focus lands on what was just added', async () => {
    await click(button(root, 'Add preset'));
    expect(root.ownerDocument.activeElement).toBe(labelled(group('New preset'), 'Name'));
    await click(button(group('New preset'), 'Add property'));
    expect(root.ownerDocument.activeElement).toBe(labelled(group('New preset'), 'Key'));
    for (const input of root.querySelectorAll('input')) {
      const label = root.querySelector(`label[for="${input.id}"]`) ?? input.closest('label');
      expect(label?.textContent?.trim(), `a label for #${input.id}`).toBeTruthy();
    }
    for (const b of root.querySelectorAll('button')) expect((b.getAttribute('aria-label') ?? b.textContent)?.trim()).toBeTruthy();
  });

  it('add a preset, add a customProp, make it the default, Save → the worker gets the whole list', async () => {
    const demo = await addDemoCall();
    await click(labelled(demo, 'Default preset'));
    expect(labelled(group('Default'), 'Default preset').checked).toBe(false);

    await click(button(root, 'Save'));
    await flush();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({
      presets: [
        { id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: [{ key: 'origin', value: 'crm' }] },
        { id: 'new-1', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: [{ key: 'channel', value: 'phone' }] },
      ],
      defaultPresetId: 'new-1',
    });
    expect(status()).toBe('Saved');
  });

  it('a duplicate name (any case) → its error next to the later Name, focused; nothing sent; everything typed kept', async () => {
    const demo = await addDemoCall();
    await type(labelled(demo, 'Name'), 'DEFAULT');
    const dup = group('DEFAULT');
    await click(button(root, 'Save'));
    await flush();
    expect(onSave).not.toHaveBeenCalled();
    const name = labelled(dup, 'Name');
    expect(errorOf(name)).toBe('Another preset is already called “DEFAULT”');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(root.ownerDocument.activeElement).toBe(name);
    expect(status()).toMatch(/Some fields need attention/);
    expect([labelled(dup, 'Event type').value, labelled(dup, 'Key').value, labelled(dup, 'Value').value]).toEqual(['CRM_CALL', 'channel', 'phone']);
    expect(errorOf(labelled(group('Default'), 'Name'))).toBeUndefined();

    // Fixing it clears the message; Save then goes through.
    await type(name, 'Demo call');
    expect(errorOf(name)).toBeUndefined();
    await click(button(root, 'Save'));
    await flush();
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('empty required fields and a repeated key are flagged at their fields', async () => {
    await click(button(root, 'Add preset'));
    const fresh = group('New preset');
    await click(button(fresh, 'Add property'));
    await click(button(fresh, 'Add property'));
    await type(labelled(fresh, 'Key', 0), 'channel');
    await type(labelled(fresh, 'Key', 1), 'channel');
    await click(button(root, 'Save'));
    await flush();
    expect(onSave).not.toHaveBeenCalled();
    expect(errorOf(labelled(fresh, 'Name'))).toBe('Name is required');
    expect(errorOf(labelled(fresh, 'Event type'))).toBe('Event type is required');
    expect(errorOf(labelled(fresh, 'Event subType'))).toBe('Event subType is required');
    expect(errorOf(labelled(fresh, 'Key', 0))).toBeUndefined();
    expect(errorOf(labelled(fresh, 'Key', 1))).toBe('“channel” is already a key of this preset');
  });

  it('the worker’s per-field errors are shown next to the right row, and the worker’s message in the status', async () => {
    onSave.mockResolvedValueOnce({ ok: false, error: 'Some fields need attention', fields: { 'presets.1.customProps.0.value': 'Value refused' } });
    const demo = await addDemoCall();
    await click(button(root, 'Save'));
    await flush();
    expect(errorOf(labelled(demo, 'Value'))).toBe('Value refused');
    expect(status()).toBe('Some fields need attention');
    expect(labelled(demo, 'Value').value).toBe('phone');
  });

  it('a worker that does not answer: its message, and nothing typed is lost', async () => {
    onSave.mockResolvedValueOnce({ ok: false, error: 'The extension was updated or restarted; reload the page and try again' } as Replies['presets:save']);
    const demo = await addDemoCall();
    await click(button(root, 'Save'));
    await flush();
    expect(status()).toMatch(/reload the page/);
    expect(labelled(demo, 'Name').value).toBe('Demo call');
  });

  it('remove a row; delete the default preset → the first one left becomes the default', async () => {
    await addDemoCall();
    await click(labelled(group('Demo call'), 'Default preset'));
    await click(button(group('Default'), 'Remove property 1'));
    expect(group('Default').querySelectorAll('.prop-row')).toHaveLength(0);
    await click(button(group('Demo call'), 'Delete preset “Demo call”'));
    expect(presetGroups()).toHaveLength(1);
    expect(labelled(group('Default'), 'Default preset').checked).toBe(true);
    expect(root.ownerDocument.activeElement).toBe(button(root, 'Add preset'));
    await click(button(root, 'Save'));
    await flush();
    expect(onSave).toHaveBeenCalledWith({
      presets: [{ id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: [] }],
      defaultPresetId: 'default',
    });
  });

  it('Enter in a field saves, like the Save button', async () => {
    const name = labelled(group('Default'), 'Name');
    await type(name, 'Visit');
    await act(() => {
      name.form!.requestSubmit();
    });
    await flush();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ presets: [expect.objectContaining({ name: 'Visit' })] }));
  });
});
