import { MAX_CUSTOM_PROPS } from '@/utils/presets/schema';
import { fieldId, rowFieldId, type PropRow } from './draft';
import { TextField } from './TextField';
import { t } from '@/utils/i18n';

export interface CustomPropsRowsProps {
  presetId: string;
  rows: PropRow[];
  errors: Record<string, string>;
  onChange(uid: string, field: 'key' | 'value', value: string): void;
  onAdd(): void;
  onRemove(uid: string): void;
}

/** The preset's customProps as key/value rows: the default properties every event of it carries. */
export function CustomPropsRows({ presetId, rows, errors, onChange, onAdd, onRemove }: CustomPropsRowsProps) {
  const listError = errors[fieldId(presetId, 'props')];
  return (
    <fieldset class="props">
      <legend>{t('customProps')}</legend>
      {rows.length === 0 ? (
        <p class="muted">{t('noCustomProps')}</p>
      ) : (
        <div class="prop-head" aria-hidden="true">
          <span>{t('labelPropKey')}</span>
          <span>{t('labelPropValue')}</span>
        </div>
      )}
      {rows.map((row, i) => (
        <div class="prop-row" role="group" aria-label={t('propertyN', i + 1)} key={row.uid}>
          <TextField
            id={rowFieldId(presetId, row.uid, 'key')}
            label={t('labelPropKey')}
            hideLabel
            value={row.key}
            error={errors[rowFieldId(presetId, row.uid, 'key')]}
            onInput={(value) => onChange(row.uid, 'key', value)}
          />
          <TextField
            id={rowFieldId(presetId, row.uid, 'value')}
            label={t('labelPropValue')}
            hideLabel
            value={row.value}
            error={errors[rowFieldId(presetId, row.uid, 'value')]}
            onInput={(value) => onChange(row.uid, 'value', value)}
          />
          <button type="button" class="secondary" aria-label={t('removePropertyN', i + 1)} onClick={() => onRemove(row.uid)}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        id={fieldId(presetId, 'props')}
        disabled={rows.length >= MAX_CUSTOM_PROPS}
        aria-describedby={listError ? `${fieldId(presetId, 'props')}-error` : undefined}
        onClick={onAdd}
      >
        {t('addProperty')}
      </button>
      {listError && (
        <p class="error" id={`${fieldId(presetId, 'props')}-error`}>
          {listError}
        </p>
      )}
    </fieldset>
  );
}
