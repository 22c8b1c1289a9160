/** A labelled text input with its error under it, tied to it for screen readers. */
export function TextField({ id, label, value, error, onInput, hideLabel }: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onInput(value: string): void;
  /** Rows of key/value show their labels once, as column heads; the label stays for screen readers. */
  hideLabel?: boolean;
}) {
  return (
    <div class="field">
      <label for={id} class={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
