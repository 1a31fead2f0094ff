/**
 * One form for a new standard and for a new version of one: the names, the legal basis, the
 * tier, the time limit, the fee tiers, the documents to bring and the application form's
 * fields (with their lists of choices), each kind as rows that can be added and removed; the
 * form's fields can also be moved up and down (their order is the order the applicant sees).
 * Only the obvious is checked here (filled in, whole numbers); the API decides the rest, and
 * its refusal is shown in words (errors.<code>) and, where it names a value, at that value.
 *
 * Its sections: identity-section.tsx, fees-documents-sections.tsx, form-fields-section.tsx;
 * their inputs: form-inputs.tsx.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { StandardRejected, type CreateStandardBody, type ReviseStandardBody } from './api.ts';
import { toContent, toCreateBody, type Draft, type Problems } from './draft.ts';
import { DocumentsSection, FeeTiersSection } from './fees-documents-sections.tsx';
import { FormFieldsSection } from './form-fields-section.tsx';
import { ProblemContext } from './form-inputs.tsx';
import { IdentitySection } from './identity-section.tsx';

type StandardFormProps =
  | {
      mode: 'create';
      initial: Draft;
      pending: boolean;
      error: unknown;
      onCreate: (body: CreateStandardBody) => void;
    }
  | {
      mode: 'revise';
      initial: Draft;
      currentVersion: number;
      pending: boolean;
      error: unknown;
      onRevise: (body: ReviseStandardBody) => void;
    };

export function StandardForm(props: StandardFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [local, setLocal] = useState<Problems>({});
  const set = (change: Partial<Draft>) => setDraft((before) => ({ ...before, ...change }));
  const apiDetails = props.error instanceof StandardRejected ? props.error.details : [];
  const detail = props.error instanceof StandardRejected ? props.error.detail : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.mode === 'create') {
      const { body, problems } = toCreateBody(draft);
      setLocal(problems);
      if (body) props.onCreate(body);
    } else {
      const { content, problems } = toContent(draft);
      setLocal(problems);
      if (content) props.onRevise(content);
    }
  };

  // API pointers that no input shows: listed under the message, in the API's words.
  const shown = new Set(pointersOf(draft, props.mode));
  const unplaced = apiDetails.filter((item) => !shown.has(item.path));

  return (
    <ProblemContext.Provider value={{ local, api: apiDetails }}>
      <form className="form svc-admin__form" onSubmit={submit} noValidate data-mode={props.mode}>
        {props.mode === 'revise' ? (
          <div className="notice svc-admin__version-note" data-version={props.currentVersion}>
            <p>
              {t('servicesAdmin.form.reviseNote', {
                version: props.currentVersion,
                next: props.currentVersion + 1,
              })}
            </p>
          </div>
        ) : null}

        <IdentitySection draft={draft} set={set} mode={props.mode} />

        <FeeTiersSection draft={draft} set={set} />

        <DocumentsSection draft={draft} set={set} />

        <FormFieldsSection draft={draft} set={set} />

        {Object.keys(local).length > 0 ? (
          <div className="error-message" role="alert">
            <p>{t('servicesAdmin.form.fix')}</p>
          </div>
        ) : props.error ? (
          <div
            className="svc-admin__error"
            data-code={props.error instanceof StandardRejected ? props.error.code : undefined}
          >
            <ErrorMessage error={props.error} />
            {detail ? (
              <p className="muted svc-admin__detail">
                {t('servicesAdmin.form.detail')} <span lang="en">{detail}</span>
              </p>
            ) : null}
            {unplaced.length > 0 ? (
              <ul className="svc-admin__problems" aria-label={t('servicesAdmin.form.problems')}>
                {unplaced.map((item, index) => (
                  <li key={index}>
                    <code className="code">{item.path || '/'}</code> <span lang="en">{item.message}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        <button type="submit" className="button" disabled={props.pending}>
          {props.mode === 'create'
            ? t('servicesAdmin.form.create')
            : t('servicesAdmin.form.revise', { next: props.currentVersion + 1 })}
        </button>
      </form>
    </ProblemContext.Provider>
  );
}

/** Every pointer an input of the form shows a problem for. */
function pointersOf(draft: Draft, mode: 'create' | 'revise'): string[] {
  const top = [
    'sector',
    'nameKm',
    'nameEn',
    'descriptionKm',
    'descriptionEn',
    'legalBasis',
    'source',
    'providerTier',
    'timeLimitDays',
  ];
  return [
    ...(mode === 'create' ? ['/code', '/ownerUnitCode'] : []),
    ...top.map((name) => `/${name}`),
    ...draft.feeTiers.flatMap((_, i) =>
      ['code', 'labelKm', 'labelEn', 'amountRiel'].map((name) => `/feeTiers/${i}/${name}`),
    ),
    ...draft.requiredDocuments.flatMap((_, i) =>
      ['nameKm', 'nameEn'].map((name) => `/requiredDocuments/${i}/${name}`),
    ),
    ...draft.formFields.flatMap((field, i) => [
      ...['code', 'datatype', 'descriptionKm', 'descriptionEn'].map((name) => `/formFields/${i}/${name}`),
      ...field.values.flatMap((_, j) =>
        ['key', 'nameKm', 'nameEn'].map((name) => `/formFields/${i}/values/${j}/${name}`),
      ),
    ]),
  ];
}
