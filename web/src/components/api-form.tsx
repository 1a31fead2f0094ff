/**
 * A form that sends one request (a mutation), the same on every page: the browser's submit is
 * stopped and `onSubmit` called; while the request is pending the submit button is disabled
 * (and says `pendingLabel` if given); when it fails an error summary (role="alert") says why in
 * the reader's language and takes the focus, so a keyboard or screen-reader user hears it at
 * once; `fieldErrors(error)` gives the fields the problem+json `errors` point at, for each
 * field's `error`.
 *
 *   <ApiForm className="form x-form" onSubmit={submit} pending={save.isPending}
 *            error={save.isError ? save.error : null} submitLabel={t('common.save')}>
 *     <InputField … error={fieldErrors(save.error).nameKm && t('common.fieldInvalid')} />
 *   </ApiForm>
 */
import { useEffect, useRef, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { normaliseError } from '../lib/api/problem.ts';
import { ErrorMessage } from './error-message.tsx';

export interface ApiFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children'> {
  /** Called on submit; the browser's own submit is already stopped. */
  onSubmit: () => void;
  /** The request is under way: the submit button is disabled. */
  pending: boolean;
  /** The request's failure, or null: shown in the error summary. */
  error: unknown;
  submitLabel: ReactNode;
  /** The submit button's text while pending (the submit label if not given). */
  pendingLabel?: ReactNode;
  /** Disables the submit button besides while pending (the form is not ready). */
  submitDisabled?: boolean;
  /** More buttons beside the submit button (Cancel); with them the buttons share a row. */
  actions?: ReactNode;
  /** Said after the buttons (a role="status" success message, a notice). */
  after?: ReactNode;
  children: ReactNode;
}

export function ApiForm({
  onSubmit,
  pending,
  error,
  submitLabel,
  pendingLabel,
  submitDisabled = false,
  actions,
  after,
  children,
  ...attributes
}: ApiFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const button = (
    <button type="submit" className="button" disabled={pending || submitDisabled}>
      {pending && pendingLabel ? pendingLabel : submitLabel}
    </button>
  );
  return (
    <form {...attributes} onSubmit={submit}>
      {children}
      {actions ? (
        <div className="import-actions">
          {button}
          {actions}
        </div>
      ) : (
        button
      )}
      <ErrorSummary error={error} />
      {after}
    </form>
  );
}

/** The failure of a form's request, focused when it appears so that it is heard at once. */
export function ErrorSummary({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} tabIndex={-1} className="form-error-summary">
      <ErrorMessage error={error} />
    </div>
  );
}

/**
 * The fields a failed request's problem+json `errors` point at (`/body/nameKm` → `nameKm`),
 * each with the API's English message: a field shows its own translated error when listed.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!error) return {};
  const fields: Record<string, string> = {};
  for (const item of normaliseError(error).errors ?? []) {
    const name = item.path
      .replace(/^\/body/, '')
      .split('/')
      .filter(Boolean)[0];
    if (name && !(name in fields)) fields[name] = item.message;
  }
  return fields;
}
