import { describe, expect, it } from 'vitest';
import { presetFieldErrors, presetSchema, presetsDraftSchema, type PresetDraft, type PresetsDraft } from './schema';

const call: PresetDraft = { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: [{ key: 'channel', value: 'phone' }] };
const visit: PresetDraft = { id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: [] };
const list = (presets: PresetDraft[], defaultPresetId = presets[0]?.id ?? ''): PresetsDraft => ({ presets, defaultPresetId });

/** The field errors for a draft list, or {} when it is valid. */
function errorsOf(draft: PresetsDraft): Record<string, string> {
  const parsed = presetsDraftSchema.safeParse(draft);
  return parsed.success ? {} : presetFieldErrors(parsed.error.issues);
}
const props = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));

describe('a valid list', () => {
  it('is saved trimmed, customProps rows as a record', () => {
    const parsed = presetsDraftSchema.parse(
      list([visit, { ...call, name: '  Demo call ', type: ' CRM_CALL', customProps: [{ key: ' channel ', value: ' phone ' }, { key: 'note', value: '' }] }], 'p-call'),
    );
    expect(parsed).toEqual({
      presets: [
        { id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: {} },
        { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone', note: '' } },
      ],
      defaultPresetId: 'p-call',
    });
  });

  it('accepts the limits exactly: name 60, type/subType 100, key 100, value 1,000, 50 props', () => {
    const big = { ...call, name: 'n'.repeat(60), type: 't'.repeat(100), subType: 's'.repeat(100), customProps: [...props(49), { key: 'k'.repeat(100), value: 'v'.repeat(1_000) }] };
    expect(errorsOf(list([big]))).toEqual({});
  });
});

describe('each rule, with its message at its field', () => {
  it.each<[string, Partial<PresetDraft>, string, RegExp]>([
    ['an empty name', { name: '' }, 'presets.0.name', /Name is required/],
    ['a blank name', { name: '   ' }, 'presets.0.name', /Name is required/],
    ['a 61-character name', { name: 'n'.repeat(61) }, 'presets.0.name', /at most 60/],
    ['an empty type', { type: '' }, 'presets.0.type', /Event type is required/],
    ['a blank type', { type: ' \t' }, 'presets.0.type', /Event type is required/],
    ['a 101-character type', { type: 't'.repeat(101) }, 'presets.0.type', /at most 100/],
    ['an empty subType', { subType: '' }, 'presets.0.subType', /Event subType is required/],
    ['a 101-character subType', { subType: 's'.repeat(101) }, 'presets.0.subType', /at most 100/],
    ['an empty key', { customProps: [{ key: '', value: 'x' }] }, 'presets.0.customProps.0.key', /Key is required/],
    ['a blank key', { customProps: [{ key: 'a', value: '' }, { key: '  ', value: '' }] }, 'presets.0.customProps.1.key', /Key is required/],
    ['a 101-character key', { customProps: [{ key: 'k'.repeat(101), value: '' }] }, 'presets.0.customProps.0.key', /at most 100/],
    ['a reserved key', { customProps: [{ key: '__proto__', value: 'x' }] }, 'presets.0.customProps.0.key', /reserved/],
    ['a 1,001-character value', { customProps: [{ key: 'a', value: 'v'.repeat(1_001) }] }, 'presets.0.customProps.0.value', /at most 1,000/],
    ['51 custom properties', { customProps: props(51) }, 'presets.0.customProps', /At most 50/],
    ['an id that is not ours', { id: 'no spaces please' }, 'presets.0.id', /invalid id/],
  ])('%s', (_label, change, path, message) => {
    const errors = errorsOf(list([{ ...call, ...change }], change.id ?? call.id));
    expect(errors).toEqual({ [path]: expect.stringMatching(message) });
  });

  it('duplicate keys (after trimming) in one preset: the later row is flagged', () => {
    const errors = errorsOf(list([{ ...call, customProps: [{ key: 'channel', value: 'a' }, { key: 'x', value: '' }, { key: ' channel', value: 'b' }] }]));
    expect(errors).toEqual({ 'presets.0.customProps.2.key': '“channel” is already a key of this preset' });
  });

  it('the same key in two presets is fine; keys are case-sensitive', () => {
    expect(errorsOf(list([call, { ...visit, customProps: [{ key: 'channel', value: 'x' }, { key: 'Channel', value: 'y' }] }]))).toEqual({});
  });

  it('duplicate names, case-insensitively and after trimming: the later preset is flagged', () => {
    const errors = errorsOf(list([call, visit, { ...visit, id: 'p3', name: ' DEMO CALL ' }]));
    expect(errors).toEqual({ 'presets.2.name': 'Another preset is already called “DEMO CALL”' });
  });

  it('duplicate ids are refused', () => {
    expect(errorsOf(list([call, { ...visit, id: call.id }]))).toEqual({ 'presets.1.id': expect.stringMatching(/share an id/) });
  });

  it('no preset at all', () => {
    expect(errorsOf(list([], ''))).toEqual({ presets: 'Keep at least one preset', defaultPresetId: expect.any(String) });
  });

  it('more than 50 presets', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ ...visit, id: `p${i}`, name: `Preset ${i}` }));
    expect(errorsOf(list(many))).toEqual({ presets: 'At most 50 presets' });
  });

  it.each(['', 'no-such-preset'])('a default (%o) that is not one of the presets', (defaultPresetId) => {
    expect(errorsOf(list([call, visit], defaultPresetId))).toEqual({ defaultPresetId: 'Choose which preset is the default' });
  });

  it('every problem at once, so the page can show them all', () => {
    const errors = errorsOf(
      list([call, { id: 'p2', name: 'demo call', type: '', subType: 's'.repeat(101), customProps: [{ key: '', value: '' }] }], 'gone'),
    );
    expect(Object.keys(errors).sort()).toEqual(['defaultPresetId', 'presets.1.customProps.0.key', 'presets.1.name', 'presets.1.subType', 'presets.1.type']);
  });

  it.each([
    ['a number as name', { ...call, name: 5 }],
    ['customProps as a record', { ...call, customProps: { channel: 'phone' } }],
    ['a row without value', { ...call, customProps: [{ key: 'a' }] }],
  ])('wrong types are refused (%s)', (_label, preset) => {
    expect(presetsDraftSchema.safeParse({ presets: [preset], defaultPresetId: call.id }).success).toBe(false);
  });
});

describe('a saved preset (customProps as a record)', () => {
  it('follows the same field rules', () => {
    expect(presetSchema.safeParse({ id: 'a', name: 'A', type: 'T', subType: 'S', customProps: { k: 'v' } }).success).toBe(true);
    expect(presetSchema.safeParse({ id: 'a', name: 'A', type: '', subType: 'S', customProps: {} }).success).toBe(false);
    expect(presetSchema.safeParse({ id: 'a', name: 'A', type: 'T', subType: 'S', customProps: { '': 'v' } }).success).toBe(false);
    expect(presetSchema.safeParse({ id: 'a', name: 'A', type: 'T', subType: 'S', customProps: Object.fromEntries(props(51).map((r) => [r.key, r.value])) }).success).toBe(false);
  });
});
