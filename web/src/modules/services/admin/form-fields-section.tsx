/**
 * The application form's fields: each a row with its code, type, texts and checks, the choices
 * of a list, and buttons to move it (the order is the order the applicant sees) or remove it.
 */
import { useTranslation } from 'react-i18next';
import {
  emptyField,
  emptyValue,
  FIELD_DATATYPES,
  isListType,
  move,
  removeAt,
  update,
  type Draft,
  type FieldDatatype,
  type FieldRow,
  type ValueRow,
} from './draft.ts';
import { RowButtons, Select } from './form-inputs.tsx';
import { EditableRows, TextInputs, type TextSpec } from './text-inputs.tsx';

const CODE_INPUT: readonly TextSpec<FieldRow>[] = [
  {
    field: 'code',
    name: 'fieldCode',
    label: 'servicesAdmin.fields.code',
    hint: 'servicesAdmin.fields.codeHint',
    required: true,
    lang: 'en',
  },
];

const DESCRIPTION_INPUTS: readonly TextSpec<FieldRow>[] = [
  {
    field: 'descriptionKm',
    name: 'fieldDescriptionKm',
    label: 'servicesAdmin.fields.descriptionKm',
    required: true,
    lang: 'km',
  },
  {
    field: 'descriptionEn',
    name: 'fieldDescriptionEn',
    label: 'servicesAdmin.fields.descriptionEn',
    required: true,
    lang: 'en',
  },
];

// The API names a choice's code `key`; the form's row keeps its React key in `key`.
const VALUE_INPUTS: readonly TextSpec<ValueRow>[] = [
  {
    field: 'code',
    pointer: 'key',
    name: 'valueCode',
    label: 'servicesAdmin.values.code',
    required: true,
    lang: 'en',
  },
  { field: 'nameKm', name: 'valueNameKm', label: 'servicesAdmin.values.nameKm', required: true, lang: 'km' },
  { field: 'nameEn', name: 'valueNameEn', label: 'servicesAdmin.values.nameEn', required: true, lang: 'en' },
];
// A number field's bounds: empty means the API's defaults, which the hints say.
const BOUND_INPUTS: readonly TextSpec<FieldRow>[] = [
  {
    field: 'minimum',
    name: 'fieldMinimum',
    label: 'servicesAdmin.fields.minimum',
    hint: 'servicesAdmin.fields.minimumHint',
    numeric: true,
  },
  {
    field: 'maximum',
    name: 'fieldMaximum',
    label: 'servicesAdmin.fields.maximum',
    hint: 'servicesAdmin.fields.maximumHint',
    numeric: true,
  },
];

export const DATATYPE_KEYS: Record<FieldDatatype, string> = {
  string: 'servicesAdmin.datatype.string',
  text: 'servicesAdmin.datatype.text',
  number: 'servicesAdmin.datatype.number',
  date: 'servicesAdmin.datatype.date',
  singlevaluelist: 'servicesAdmin.datatype.singlevaluelist',
  multivaluelist: 'servicesAdmin.datatype.multivaluelist',
};

export function FormFieldsSection({ draft, set }: { draft: Draft; set: (change: Partial<Draft>) => void }) {
  const { t } = useTranslation();
  return (
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
  );
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
      <TextInputs specs={CODE_INPUT} row={field} base={base} onChange={onChange} />
      <Select
        pointer={`${base}/datatype`}
        label={t('servicesAdmin.fields.datatype')}
        value={field.datatype}
        onChange={(value) => {
          const datatype = value as FieldDatatype;
          onChange({
            datatype,
            values: isListType(datatype) ? (field.values.length > 0 ? field.values : [emptyValue()]) : [],
            ...(datatype === 'number' ? {} : { minimum: '', maximum: '' }),
          });
        }}
        name="fieldDatatype"
        required
        options={FIELD_DATATYPES.map((datatype) => ({ value: datatype, label: t(DATATYPE_KEYS[datatype]) }))}
      />
      <TextInputs specs={DESCRIPTION_INPUTS} row={field} base={base} onChange={onChange} />
      {field.datatype === 'number' ? (
        <TextInputs specs={BOUND_INPUTS} row={field} base={base} onChange={onChange} />
      ) : null}
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
          <EditableRows
            kind="value"
            rows={field.values}
            base={`${base}/values`}
            specs={VALUE_INPUTS}
            rowLabel={(j) => t('servicesAdmin.values.row', { n: j + 1 })}
            buttonsLabel={(j) => `${label}, ${t('servicesAdmin.values.row', { n: j + 1 })}`}
            rowClassName="svc-admin__value-row"
            minRows={1}
            onChange={(values) => onChange({ values })}
            make={emptyValue}
            addLabel={t('servicesAdmin.values.add')}
            addClassName="button button--secondary button--small"
          />
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
