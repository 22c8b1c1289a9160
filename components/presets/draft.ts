import type { Preset, PresetsDraft } from '@/utils/presets/schema';

/** A customProps row on the page; `uid` keeps focus and errors on the right row while rows come and go. */
export interface PropRow {
  uid: string;
  key: string;
  value: string;
}

/** A preset as being edited: everything as typed. */
export interface EditedPreset {
  id: string;
  name: string;
  type: string;
  subType: string;
  rows: PropRow[];
}

let rowCount = 0;
export const newRow = (key = '', value = ''): PropRow => ({ uid: `r${++rowCount}`, key, value });

export const fromSaved = (preset: Preset): EditedPreset => ({
  id: preset.id,
  name: preset.name,
  type: preset.type,
  subType: preset.subType,
  rows: Object.entries(preset.customProps).map(([key, value]) => newRow(key, value)),
});

export const toPresetsDraft = (presets: EditedPreset[], defaultPresetId: string): PresetsDraft => ({
  presets: presets.map(({ rows, ...preset }) => ({ ...preset, customProps: rows.map(({ key, value }) => ({ key, value })) })),
  defaultPresetId,
});

/** Element ids double as error keys: an error is shown next to (and focuses) the control it is about. */
export const fieldId = (presetId: string, field: 'name' | 'type' | 'subType' | 'props') => `preset-${presetId}-${field}`;
export const rowFieldId = (presetId: string, rowUid: string, field: 'key' | 'value') => `preset-${presetId}-prop-${rowUid}-${field}`;
export const DEFAULT_CHOICE_ID = 'default-preset';

/**
 * The worker's (or the schema's) path → message, keyed by the element each is about. Paths name
 * presets and rows by position, so they are resolved against the list that was validated.
 * What no control stands for (the list itself, an id) comes back in `general`.
 */
export function placeErrors(fields: Record<string, string>, presets: EditedPreset[]): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const target = elementFor(path.split('.'), presets);
    if (target) byField[target] ??= message;
    else general.push(message);
  }
  return { byField, general };
}

function elementFor([root, index, field, rowIndex, rowField]: string[], presets: EditedPreset[]): string | undefined {
  if (root === 'defaultPresetId') return DEFAULT_CHOICE_ID;
  const preset = root === 'presets' && index !== undefined ? presets[Number(index)] : undefined;
  if (!preset) return undefined;
  if (field === 'name' || field === 'type' || field === 'subType') return fieldId(preset.id, field);
  if (field !== 'customProps') return undefined;
  if (rowIndex === undefined) return fieldId(preset.id, 'props');
  const row = preset.rows[Number(rowIndex)];
  if (row && (rowField === 'key' || rowField === 'value')) return rowFieldId(preset.id, row.uid, rowField);
  return undefined;
}
