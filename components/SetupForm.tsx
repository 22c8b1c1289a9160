import { useState } from 'preact/hooks';
import type { SetupField } from '@/utils/settings';
import type { ConnectionPart, SetupView } from '@/utils/messages/types';
import { t, type MessageKey } from '@/utils/i18n';

type FormValues = Record<SetupField, string | boolean>;
type Errors = Partial<Record<SetupField, string>>;

interface FieldSpec {
  name: Exclude<SetupField, 'remember' | 'sendWithoutPreview'>;
  label: MessageKey;
  type: 'text' | 'password' | 'url';
  autocomplete?: string;
  inputMode?: 'numeric';
}

const FIELDS: FieldSpec[] = [
  { name: 'clientId', label: 'labelClientId', type: 'text' },
  { name: 'clientSecret', label: 'labelClientSecret', type: 'password', autocomplete: 'new-password' },
  { name: 'apiUser', label: 'labelApiUser', type: 'text', autocomplete: 'username' },
  { name: 'apiPassword', label: 'labelApiPassword', type: 'password', autocomplete: 'current-password' },
  { name: 'storeId', label: 'labelStoreId', type: 'text', inputMode: 'numeric' },
  { name: 'eventType', label: 'labelEventType', type: 'text' },
  { name: 'eventSubType', label: 'labelEventSubType', type: 'text' },
  { name: 'defaultCountry', label: 'labelDefaultCountry', type: 'text' },
  { name: 'apiBase', label: 'labelApiBase', type: 'url' },
];

/** The on/off settings, under the fields. */
const SWITCHES = [
  ['remember', 'rememberLabel'],
  ['sendWithoutPreview', 'sendWithoutPreviewLabel'],
] as const satisfies readonly (readonly [SetupField, MessageKey])[];

/** Which fields a failed connection test points at. */
const PART_FIELDS: Record<ConnectionPart, SetupField[]> = {
  client: ['clientId', 'clientSecret'],
  user: ['apiUser', 'apiPassword'],
  server: ['apiBase'],
  setup: [],
};

export function initialValues(setup: SetupView): FormValues {
  return {
    clientId: setup.clientId,
    clientSecret: '',
    apiUser: setup.apiUser,
    apiPassword: '',
    storeId: setup.storeId,
    eventType: setup.eventType,
    eventSubType: setup.eventSubType,
    defaultCountry: setup.defaultCountry,
    apiBase: setup.apiBase,
    remember: setup.remember,
    sendWithoutPreview: setup.sendWithoutPreview,
  };
}

export interface SetupFormProps {
  setup: SetupView;
  onSave(values: FormValues): Promise<{ ok: true; setup: SetupView } | { ok: false; error: string; fields: Errors }>;
  onTest(): Promise<{ ok: true; expiresInSeconds: number } | { ok: false; error: string; part: ConnectionPart }>;
  /** Opens the options page, where the other event presets are managed. */
  onOpenPresets?(): void;
}

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;

export function SetupForm({ setup: initial, onSave, onTest, onOpenPresets }: SetupFormProps) {
  const [setup, setSetup] = useState(initial);
  const [values, setValues] = useState<FormValues>(() => initialValues(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(initial.problem ? { tone: 'error', text: initial.problem } : null);
  const [busy, setBusy] = useState(false);

  const update = (name: SetupField, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  /** Save what is typed; on failure every message goes next to its field and nothing typed is cleared. */
  async function save(): Promise<boolean> {
    const reply = await onSave(values);
    if (!reply.ok) {
      setErrors(reply.fields);
      setNotice({ tone: 'error', text: reply.error });
      return false;
    }
    setSetup(reply.setup);
    setValues((v) => ({ ...v, clientSecret: '', apiPassword: '' }));
    setErrors({});
    return true;
  }

  async function run(action: 'save' | 'test') {
    setBusy(true);
    setNotice({ tone: 'info', text: t(action === 'save' ? 'saving' : 'connecting') });
    try {
      if (!(await save())) return;
      if (action === 'save') {
        setNotice({ tone: 'ok', text: t('saved') });
        return;
      }
      const result = await onTest();
      if (result.ok) {
        setNotice({ tone: 'ok', text: t('connected', formatDuration(result.expiresInSeconds)) });
      } else {
        setNotice({ tone: 'error', text: result.error });
        const flagged: Errors = {};
        for (const field of PART_FIELDS[result.part]) flagged[field] = t('checkValue');
        setErrors(flagged);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="setup"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('save');
      }}
    >
      {FIELDS.map((field) => {
        const id = `field-${field.name}`;
        const error = errors[field.name];
        const savedSecret =
          (field.name === 'clientSecret' && setup.hasClientSecret) || (field.name === 'apiPassword' && setup.hasApiPassword);
        return (
          <div class="field" key={field.name}>
            <label for={id}>{t(field.label)}</label>
            <input
              id={id}
              name={field.name}
              type={field.type as 'text'}
              inputMode={field.inputMode}
              autoComplete={field.autocomplete ?? 'off'}
              spellcheck={false}
              placeholder={savedSecret ? t('savedKeep') : undefined}
              value={values[field.name] as string}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onInput={(event) => update(field.name, event.currentTarget.value)}
            />
            {error && (
              <p class="error" id={`${id}-error`}>
                {error}
              </p>
            )}
            {field.name === 'eventSubType' && onOpenPresets && (
              <p class="hint">
                {t('presetsHint')}{' '}
                <button type="button" class="link" onClick={onOpenPresets}>
                  {t('presetsLink')}
                </button>
              </p>
            )}
          </div>
        );
      })}
      {SWITCHES.map(([name, label]) => (
        <label class="switch" key={name}>
          <input
            type="checkbox"
            name={name}
            checked={values[name] as boolean}
            onChange={(event) => update(name, event.currentTarget.checked)}
          />
          {t(label)}
        </label>
      ))}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('test')}>
          {t('testConnection')}
        </button>
      </div>
      <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite">
        {notice?.text ?? ''}
      </p>
    </form>
  );
}

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
