import { DEFAULT_CHOICE_ID, fieldId, type EditedPreset } from './draft';
import { TextField } from './TextField';
import { CustomPropsRows } from './CustomPropsRows';
import { t, type MessageKey } from '@/utils/i18n';

export interface PresetCardProps {
  preset: EditedPreset;
  isDefault: boolean;
  /** The last preset can't be deleted: notify always needs one. */
  canDelete: boolean;
  errors: Record<string, string>;
  onField(field: 'name' | 'type' | 'subType', value: string): void;
  onMakeDefault(): void;
  onDelete(): void;
  onRowChange(uid: string, field: 'key' | 'value', value: string): void;
  onAddRow(): void;
  onRemoveRow(uid: string): void;
}

// The popup's labels, so that "Event type" means the same thing on both pages.
const FIELDS: readonly (readonly ['name' | 'type' | 'subType', MessageKey])[] = [
  ['name', 'labelPresetName'],
  ['type', 'labelEventType'],
  ['subType', 'labelEventSubType'],
];

/** One preset: its name, the event's type and subType, its customProps, and whether it is the default. */
export function PresetCard({ preset, isDefault, canDelete, errors, ...on }: PresetCardProps) {
  const title = preset.name.trim() || t('newPreset');
  const defaultError = errors[DEFAULT_CHOICE_ID];
  return (
    <fieldset class={`preset${isDefault ? ' is-default' : ''}`}>
      <legend>{title}</legend>
      <div class="preset-fields">
        {FIELDS.map(([field, label]) => (
          <TextField
            key={field}
            id={fieldId(preset.id, field)}
            label={t(label)}
            value={preset[field]}
            error={errors[fieldId(preset.id, field)]}
            onInput={(value) => on.onField(field, value)}
          />
        ))}
      </div>
      <CustomPropsRows
        presetId={preset.id}
        rows={preset.rows}
        errors={errors}
        onChange={on.onRowChange}
        onAdd={on.onAddRow}
        onRemove={on.onRemoveRow}
      />
      <div class="preset-actions">
        <label class="choice">
          <input
            type="radio"
            name="default-preset"
            id={`${DEFAULT_CHOICE_ID}-${preset.id}`}
            checked={isDefault}
            aria-describedby={defaultError ? `${DEFAULT_CHOICE_ID}-error` : undefined}
            onChange={on.onMakeDefault}
          />
          {t('defaultPresetChoice')}
        </label>
        <button type="button" class="danger" disabled={!canDelete} aria-label={t('deletePresetNamed', title)} onClick={on.onDelete}>
          {t('deletePreset')}
        </button>
      </div>
    </fieldset>
  );
}
