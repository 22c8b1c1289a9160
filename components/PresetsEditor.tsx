import { useEffect, useState } from 'preact/hooks';
import { MAX_PRESETS, presetFieldErrors, presetsDraftSchema, type PresetsDraft } from '@/utils/presets/schema';
import type { Replies, SavedPresets } from '@/utils/messages/types';
import { DEFAULT_CHOICE_ID, fieldId, fromSaved, newRow, placeErrors, rowFieldId, toPresetsDraft, type EditedPreset } from './presets/draft';
import { PresetCard } from './presets/PresetCard';
import { t } from '@/utils/i18n';

export interface PresetsEditorProps {
  initial: SavedPresets;
  onSave(draft: PresetsDraft): Promise<Replies['presets:save']>;
  /** Ids for new presets (tests pass a predictable one). */
  newId?: () => string;
}

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;
const ADD_PRESET_ID = 'add-preset';

/** The options page's list of event presets: add, edit, delete, pick the default; Save checks all and keeps what was typed. */
export function PresetsEditor({ initial, onSave, newId = () => crypto.randomUUID() }: PresetsEditorProps) {
  const [presets, setPresets] = useState<EditedPreset[]>(() => initial.presets.map(fromSaved));
  const [defaultId, setDefaultId] = useState(initial.defaultPresetId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  // Keyboard users land on what they just added, or on the first problem after a failed save.
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    const target =
      focusId === DEFAULT_CHOICE_ID ? document.querySelector<HTMLElement>('input[name="default-preset"]') : document.getElementById(focusId);
    target?.focus();
    setFocusId(null);
  }, [focusId]);

  const clearError = (id: string) => setErrors((e) => (e[id] ? { ...e, [id]: '' } : e));
  const edit = (id: string, change: (preset: EditedPreset) => EditedPreset) => setPresets((list) => list.map((p) => (p.id === id ? change(p) : p)));

  function addPreset() {
    const preset: EditedPreset = { id: newId(), name: '', type: '', subType: '', rows: [] };
    setPresets((list) => [...list, preset]);
    setFocusId(fieldId(preset.id, 'name'));
  }

  function deletePreset(id: string) {
    const rest = presets.filter((p) => p.id !== id);
    if (rest.length === 0) return;
    setPresets(rest);
    // The default can't vanish with its preset: the first one left takes over (and the radio shows it).
    if (defaultId === id) setDefaultId(rest[0]!.id);
    setErrors({}); // positions shifted: stale messages would point at the wrong preset
    setFocusId(ADD_PRESET_ID);
  }

  function addRow(presetId: string) {
    const row = newRow();
    edit(presetId, (p) => ({ ...p, rows: [...p.rows, row] }));
    setFocusId(rowFieldId(presetId, row.uid, 'key'));
  }

  function removeRow(presetId: string, uid: string) {
    edit(presetId, (p) => ({ ...p, rows: p.rows.filter((r) => r.uid !== uid) }));
    setFocusId(fieldId(presetId, 'props'));
  }

  async function save() {
    const draft = toPresetsDraft(presets, defaultId);
    // The same rules as the worker's, checked here first so every message shows at once without a round trip.
    const checked = presetsDraftSchema.safeParse(draft);
    const reply = checked.success
      ? await send(draft)
      : { ok: false as const, error: t('fieldsNeedAttention'), fields: presetFieldErrors(checked.error.issues) };
    if (!reply) return;
    if (!reply.ok) {
      const { byField, general } = placeErrors(reply.fields ?? {}, presets);
      setErrors(byField);
      setNotice({ tone: 'error', text: [reply.error, ...general].join('. ') });
      const first = Object.keys(byField)[0];
      if (first) setFocusId(first);
      return;
    }
    setPresets(reply.presets.map(fromSaved)); // as saved: trimmed
    setDefaultId(reply.defaultPresetId);
    setErrors({});
    setNotice({ tone: 'ok', text: t('saved') });
  }

  async function send(draft: PresetsDraft) {
    setBusy(true);
    setNotice({ tone: 'info', text: t('saving') });
    try {
      return await onSave(draft);
    } catch {
      setNotice({ tone: 'error', text: t('couldNotReach') });
      return null;
    } finally {
      setBusy(false);
    }
  }

  const defaultError = errors[DEFAULT_CHOICE_ID];
  return (
    <form
      class="presets"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {defaultError && (
        <p class="error" id={`${DEFAULT_CHOICE_ID}-error`}>
          {defaultError}
        </p>
      )}
      {presets.map((preset) => (
        <PresetCard
          key={preset.id}
          preset={preset}
          isDefault={preset.id === defaultId}
          canDelete={presets.length > 1}
          errors={errors}
          onField={(field, value) => {
            edit(preset.id, (p) => ({ ...p, [field]: value }));
            clearError(fieldId(preset.id, field));
          }}
          onMakeDefault={() => {
            setDefaultId(preset.id);
            clearError(DEFAULT_CHOICE_ID);
          }}
          onDelete={() => deletePreset(preset.id)}
          onRowChange={(uid, field, value) => {
            edit(preset.id, (p) => ({ ...p, rows: p.rows.map((r) => (r.uid === uid ? { ...r, [field]: value } : r)) }));
            clearError(rowFieldId(preset.id, uid, field));
          }}
          onAddRow={() => addRow(preset.id)}
          onRemoveRow={(uid) => removeRow(preset.id, uid)}
        />
      ))}
      <div class="actions">
        <button type="button" class="secondary" id={ADD_PRESET_ID} disabled={presets.length >= MAX_PRESETS} onClick={addPreset}>
          {t('addPreset')}
        </button>
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
      </div>
      <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite">
        {notice?.text ?? ''}
      </p>
    </form>
  );
}
