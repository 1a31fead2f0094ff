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
} from './draft.ts';
import { RowButtons, Select, Text } from './form-inputs.tsx';

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
