/**
 * One form for a new standard and for a new version of one: the names, the legal basis, the
 * tier, the time limit, the fee tiers, the documents to bring and the application form's
 * fields (with their lists of choices), each kind as rows that can be added and removed; the
 * form's fields can also be moved up and down (their order is the order the applicant sees).
 * Only the obvious is checked here (filled in, whole numbers); the API decides the rest, and
 * its refusal is shown in words (errors.<code>) and, where it names a value, at that value.
 */
import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { UnitPicker } from '../../../components/unit-picker.tsx';
import { useSession } from '../../../lib/session.ts';
import { TIER_KEYS } from '../labels.ts';
import {
  MANAGE_STANDARDS,
  StandardRejected,
  type CreateStandardBody,
  type ReviseStandardBody,
} from './api.ts';
import {
  emptyDocument,
  emptyFee,
  emptyField,
  emptyValue,
  FIELD_DATATYPES,
  isListType,
  move,
  problemAt,
  PROVIDER_TIERS,
  removeAt,
  toContent,
  toCreateBody,
  update,
  type Draft,
  type FieldDatatype,
  type FieldRow,
  type Problems,
  type ProviderTier,
} from './draft.ts';

export const DATATYPE_KEYS: Record<FieldDatatype, string> = {
  string: 'servicesAdmin.datatype.string',
  text: 'servicesAdmin.datatype.text',
  number: 'servicesAdmin.datatype.number',
  date: 'servicesAdmin.datatype.date',
  singlevaluelist: 'servicesAdmin.datatype.singlevaluelist',
  multivaluelist: 'servicesAdmin.datatype.multivaluelist',
};

const PROBLEM_KEYS = {
  required: 'servicesAdmin.problem.required',
  wholeNumber: 'servicesAdmin.problem.wholeNumber',
  api: 'servicesAdmin.problem.api',
} as const;

interface ProblemState {
  local: Problems;
  api: readonly { path: string; message: string }[];
}
const ProblemContext = createContext<ProblemState>({ local: {}, api: [] });

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
  const session = useSession();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [local, setLocal] = useState<Problems>({});
  const set = (change: Partial<Draft>) => setDraft((before) => ({ ...before, ...change }));
  const apiDetails = props.error instanceof StandardRejected ? props.error.details : [];
  const detail = props.error instanceof StandardRejected ? props.error.detail : undefined;
  const units = session.unitsWhere(MANAGE_STANDARDS);

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

        <fieldset className="svc-admin__group">
          <legend>{t('servicesAdmin.form.about')}</legend>
          {props.mode === 'create' ? (
            <>
              <Text
                pointer="/code"
                label={t('servicesAdmin.field.code')}
                hint={t('servicesAdmin.field.codeHint')}
                value={draft.code}
                onChange={(code) => set({ code })}
                required
                name="code"
                lang="en"
              />
              <div className="field" data-pointer="/ownerUnitCode">
                <UnitPicker
                  legend={t('servicesAdmin.field.owner')}
                  hint={t('servicesAdmin.field.ownerHint')}
                  value={draft.ownerUnitCode}
                  onChange={(ownerUnitCode) => set({ ownerUnitCode })}
                  allowNational={units.includes(null)}
                  maxLevel={3}
                  limitTo={units}
                  required
                />
                <FieldProblem pointer="/ownerUnitCode" />
              </div>
            </>
          ) : (
            <p className="svc-admin__code">
              {t('servicesAdmin.field.code')}: <code className="code">{draft.code}</code>
            </p>
          )}
          <Text
            pointer="/nameKm"
            label={t('servicesAdmin.field.nameKm')}
            value={draft.nameKm}
            onChange={(nameKm) => set({ nameKm })}
            required
            name="nameKm"
            lang="km"
          />
          <Text
            pointer="/nameEn"
            label={t('servicesAdmin.field.nameEn')}
            value={draft.nameEn}
            onChange={(nameEn) => set({ nameEn })}
            required
            name="nameEn"
            lang="en"
          />
          <Text
            pointer="/sector"
            label={t('servicesAdmin.field.sector')}
            hint={t('servicesAdmin.field.sectorHint')}
            value={draft.sector}
            onChange={(sector) => set({ sector })}
            required
            name="sector"
            lang="en"
          />
          <Text
            pointer="/descriptionKm"
            label={t('servicesAdmin.field.descriptionKm')}
            value={draft.descriptionKm}
            onChange={(descriptionKm) => set({ descriptionKm })}
            multiline
            name="descriptionKm"
            lang="km"
          />
          <Text
            pointer="/descriptionEn"
            label={t('servicesAdmin.field.descriptionEn')}
            value={draft.descriptionEn}
            onChange={(descriptionEn) => set({ descriptionEn })}
            multiline
            name="descriptionEn"
            lang="en"
          />
          <Text
            pointer="/legalBasis"
            label={t('servicesAdmin.field.legalBasis')}
            hint={t('servicesAdmin.field.legalBasisHint')}
            value={draft.legalBasis}
            onChange={(legalBasis) => set({ legalBasis })}
            required
            multiline
            name="legalBasis"
          />
          <Text
            pointer="/source"
            label={t('servicesAdmin.field.source')}
            hint={t('servicesAdmin.field.sourceHint')}
            value={draft.source}
            onChange={(source) => set({ source })}
            name="source"
          />
          <Select
            pointer="/providerTier"
            label={t('servicesAdmin.field.providerTier')}
            hint={props.mode === 'revise' ? t('servicesAdmin.field.providerTierHint') : undefined}
            value={draft.providerTier}
            onChange={(value) => set({ providerTier: value as ProviderTier | '' })}
            name="providerTier"
            required
            options={[
              { value: '', label: t('servicesAdmin.field.choose') },
              ...PROVIDER_TIERS.map((tier) => ({ value: tier, label: t(TIER_KEYS[tier] ?? tier) })),
            ]}
          />
          <Text
            pointer="/timeLimitDays"
            label={t('servicesAdmin.field.timeLimit')}
            hint={t('servicesAdmin.field.timeLimitHint')}
            value={draft.timeLimitDays}
            onChange={(timeLimitDays) => set({ timeLimitDays })}
            required
            numeric
            name="timeLimitDays"
          />
        </fieldset>

        <fieldset className="svc-admin__group svc-admin__fees">
          <legend>{t('servicesAdmin.fees.title')}</legend>
          <p className="hint">{t('servicesAdmin.fees.hint')}</p>
          {draft.feeTiers.map((tier, i) => (
            <fieldset key={tier.key} className="svc-admin__row" data-row="fee" data-index={i}>
              <legend>{t('servicesAdmin.fees.row', { n: i + 1 })}</legend>
              <Text
                pointer={`/feeTiers/${i}/code`}
                label={t('servicesAdmin.fees.code')}
                value={tier.code}
                onChange={(code) => set({ feeTiers: update(draft.feeTiers, i, { code }) })}
                required
                name="feeCode"
                lang="en"
              />
              <Text
                pointer={`/feeTiers/${i}/labelKm`}
                label={t('servicesAdmin.fees.labelKm')}
                value={tier.labelKm}
                onChange={(labelKm) => set({ feeTiers: update(draft.feeTiers, i, { labelKm }) })}
                required
                name="feeLabelKm"
                lang="km"
              />
              <Text
                pointer={`/feeTiers/${i}/labelEn`}
                label={t('servicesAdmin.fees.labelEn')}
                value={tier.labelEn}
                onChange={(labelEn) => set({ feeTiers: update(draft.feeTiers, i, { labelEn }) })}
                required
                name="feeLabelEn"
                lang="en"
              />
              <Text
                pointer={`/feeTiers/${i}/amountRiel`}
                label={t('servicesAdmin.fees.amount')}
                hint={t('servicesAdmin.fees.amountHint')}
                value={tier.amount}
                onChange={(amount) => set({ feeTiers: update(draft.feeTiers, i, { amount }) })}
                required
                numeric
                name="feeAmount"
              />
              <RowButtons
                label={t('servicesAdmin.fees.row', { n: i + 1 })}
                onRemove={
                  draft.feeTiers.length > 1 ? () => set({ feeTiers: removeAt(draft.feeTiers, i) }) : undefined
                }
              />
            </fieldset>
          ))}
          <button
            type="button"
            className="button button--secondary svc-admin__add"
            data-add="fee"
            onClick={() => set({ feeTiers: [...draft.feeTiers, emptyFee()] })}
          >
            {t('servicesAdmin.fees.add')}
          </button>
        </fieldset>

        <fieldset className="svc-admin__group svc-admin__documents">
          <legend>{t('servicesAdmin.documents.title')}</legend>
          {draft.requiredDocuments.length === 0 ? (
            <p className="hint">{t('servicesAdmin.documents.none')}</p>
          ) : null}
          {draft.requiredDocuments.map((doc, i) => (
            <fieldset key={doc.key} className="svc-admin__row" data-row="document" data-index={i}>
              <legend>{t('servicesAdmin.documents.row', { n: i + 1 })}</legend>
              <Text
                pointer={`/requiredDocuments/${i}/nameKm`}
                label={t('servicesAdmin.documents.nameKm')}
                value={doc.nameKm}
                onChange={(nameKm) =>
                  set({ requiredDocuments: update(draft.requiredDocuments, i, { nameKm }) })
                }
                required
                name="documentNameKm"
                lang="km"
              />
              <Text
                pointer={`/requiredDocuments/${i}/nameEn`}
                label={t('servicesAdmin.documents.nameEn')}
                value={doc.nameEn}
                onChange={(nameEn) =>
                  set({ requiredDocuments: update(draft.requiredDocuments, i, { nameEn }) })
                }
                required
                name="documentNameEn"
                lang="en"
              />
              <RowButtons
                label={t('servicesAdmin.documents.row', { n: i + 1 })}
                onRemove={() => set({ requiredDocuments: removeAt(draft.requiredDocuments, i) })}
              />
            </fieldset>
          ))}
          <button
            type="button"
            className="button button--secondary svc-admin__add"
            data-add="document"
            onClick={() => set({ requiredDocuments: [...draft.requiredDocuments, emptyDocument()] })}
          >
            {t('servicesAdmin.documents.add')}
          </button>
        </fieldset>

        <fieldset className="svc-admin__group svc-admin__fields">
          <legend>{t('servicesAdmin.fields.title')}</legend>
          <p className="hint">{t('servicesAdmin.fields.hint')}</p>
          {draft.formFields.map((field, i) => (
            <FormFieldRow
              key={field.key}
              field={field}
              index={i}
              count={draft.formFields.length}
              onChange={(change) => set({ formFields: update(draft.formFields, i, change) })}
              onMove={(delta) => set({ formFields: move(draft.formFields, i, delta) })}
              onRemove={() => set({ formFields: removeAt(draft.formFields, i) })}
            />
          ))}
          <button
            type="button"
            className="button button--secondary svc-admin__add"
            data-add="field"
            onClick={() => set({ formFields: [...draft.formFields, emptyField()] })}
          >
            {t('servicesAdmin.fields.add')}
          </button>
        </fieldset>

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

function FormFieldRow({
  field,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  field: FieldRow;
  index: number;
  count: number;
  onChange: (change: Partial<FieldRow>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const label = t('servicesAdmin.fields.row', { n: index + 1 });
  const base = `/formFields/${index}`;
  return (
    <fieldset
      className="svc-admin__row svc-admin__field-row"
      data-row="field"
      data-index={index}
      data-code={field.code}
    >
      <legend>{label}</legend>
      <Text
        pointer={`${base}/code`}
        label={t('servicesAdmin.fields.code')}
        hint={t('servicesAdmin.fields.codeHint')}
        value={field.code}
        onChange={(code) => onChange({ code })}
        required
        name="fieldCode"
        lang="en"
      />
      <Select
        pointer={`${base}/datatype`}
        label={t('servicesAdmin.fields.datatype')}
        value={field.datatype}
        onChange={(value) => {
          const datatype = value as FieldDatatype;
          onChange({
            datatype,
            values: isListType(datatype) ? (field.values.length > 0 ? field.values : [emptyValue()]) : [],
          });
        }}
        name="fieldDatatype"
        required
        options={FIELD_DATATYPES.map((datatype) => ({ value: datatype, label: t(DATATYPE_KEYS[datatype]) }))}
      />
      <Text
        pointer={`${base}/descriptionKm`}
        label={t('servicesAdmin.fields.descriptionKm')}
        value={field.descriptionKm}
        onChange={(descriptionKm) => onChange({ descriptionKm })}
        required
        name="fieldDescriptionKm"
        lang="km"
      />
      <Text
        pointer={`${base}/descriptionEn`}
        label={t('servicesAdmin.fields.descriptionEn')}
        value={field.descriptionEn}
        onChange={(descriptionEn) => onChange({ descriptionEn })}
        required
        name="fieldDescriptionEn"
        lang="en"
      />
      <div className="svc-admin__checks">
        <label>
          <input
            type="checkbox"
            name="fieldVariable"
            checked={!field.variable}
            onChange={(event) =>
              onChange({
                variable: !event.target.checked,
                required: event.target.checked ? false : field.required,
              })
            }
          />{' '}
          {t('servicesAdmin.fields.infoOnly')}
        </label>
        <label>
          <input
            type="checkbox"
            name="fieldRequired"
            checked={field.required}
            disabled={!field.variable}
            onChange={(event) => onChange({ required: event.target.checked })}
          />{' '}
          {t('servicesAdmin.fields.required')}
        </label>
      </div>
      {isListType(field.datatype) ? (
        <fieldset className="svc-admin__values">
          <legend>{t('servicesAdmin.values.title')}</legend>
          {field.values.map((value, j) => (
            <fieldset
              key={value.key}
              className="svc-admin__row svc-admin__value-row"
              data-row="value"
              data-index={j}
            >
              <legend>{t('servicesAdmin.values.row', { n: j + 1 })}</legend>
              <Text
                pointer={`${base}/values/${j}/key`}
                label={t('servicesAdmin.values.code')}
                value={value.code}
                onChange={(code) => onChange({ values: update(field.values, j, { code }) })}
                required
                name="valueCode"
                lang="en"
              />
              <Text
                pointer={`${base}/values/${j}/nameKm`}
                label={t('servicesAdmin.values.nameKm')}
                value={value.nameKm}
                onChange={(nameKm) => onChange({ values: update(field.values, j, { nameKm }) })}
                required
                name="valueNameKm"
                lang="km"
              />
              <Text
                pointer={`${base}/values/${j}/nameEn`}
                label={t('servicesAdmin.values.nameEn')}
                value={value.nameEn}
                onChange={(nameEn) => onChange({ values: update(field.values, j, { nameEn }) })}
                required
                name="valueNameEn"
                lang="en"
              />
              <RowButtons
                label={`${label}, ${t('servicesAdmin.values.row', { n: j + 1 })}`}
                onRemove={
                  field.values.length > 1 ? () => onChange({ values: removeAt(field.values, j) }) : undefined
                }
              />
            </fieldset>
          ))}
          <button
            type="button"
            className="button button--secondary button--small"
            data-add="value"
            onClick={() => onChange({ values: [...field.values, emptyValue()] })}
          >
            {t('servicesAdmin.values.add')}
          </button>
        </fieldset>
      ) : null}
      <RowButtons
        label={label}
        onUp={index > 0 ? () => onMove(-1) : undefined}
        onDown={index < count - 1 ? () => onMove(1) : undefined}
        onRemove={onRemove}
      />
    </fieldset>
  );
}

/** Move and remove buttons of a row; `label` names the row for screen readers. */
function RowButtons({
  label,
  onUp,
  onDown,
  onRemove,
}: {
  label: string;
  onUp?: () => void;
  onDown?: () => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const actions = [
    ['up', onUp],
    ['down', onDown],
    ['remove', onRemove],
  ] as const;
  return (
    <div className="svc-admin__row-buttons">
      {actions.map(([action, onClick]) =>
        onClick ? (
          <button
            key={action}
            type="button"
            className="button button--secondary button--small"
            data-action={action}
            aria-label={t(`servicesAdmin.row.${action}Label`, { row: label })}
            onClick={onClick}
          >
            {t(`servicesAdmin.row.${action}`)}
          </button>
        ) : null,
      )}
    </div>
  );
}

function useProblem(pointer: string) {
  const { local, api } = useContext(ProblemContext);
  return problemAt(pointer, local, api);
}

function FieldProblem({ pointer, id }: { pointer: string; id?: string }) {
  const { t } = useTranslation();
  const problem = useProblem(pointer);
  if (!problem) return null;
  return (
    <p id={id} className="field-error" data-problem={problem}>
      {t(PROBLEM_KEYS[problem])}
    </p>
  );
}

function Labelled({
  pointer,
  label,
  hint,
  required,
  children,
}: {
  pointer: string;
  label: string;
  hint?: string;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const problem = useProblem(pointer);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field" data-pointer={pointer}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="svc-admin__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span className="muted"> {t('servicesAdmin.field.optional')}</span>
        )}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy: describedBy || undefined, invalid: problem !== undefined })}
      <FieldProblem pointer={pointer} id={`${id}-problem`} />
    </div>
  );
}

function Text({
  pointer,
  label,
  hint,
  value,
  onChange,
  required = false,
  multiline = false,
  numeric = false,
  name,
  lang,
}: {
  pointer: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  numeric?: boolean;
  name: string;
  lang?: 'km' | 'en';
}) {
  return (
    <Labelled pointer={pointer} label={label} hint={hint} required={required}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            name={name}
            lang={lang}
            rows={3}
            value={value}
            required={required}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            id={id}
            name={name}
            lang={lang}
            type="text"
            inputMode={numeric ? 'numeric' : undefined}
            autoComplete="off"
            value={value}
            required={required}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Labelled>
  );
}

function Select({
  pointer,
  label,
  hint,
  value,
  onChange,
  options,
  name,
  required = false,
}: {
  pointer: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  name: string;
  required?: boolean;
}) {
  return (
    <Labelled pointer={pointer} label={label} hint={hint} required={required}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}
