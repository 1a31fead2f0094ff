/**
 * The standards form's text inputs described as data (TextSpec): a record's inputs in one
 * line (TextInputs), and rows of one kind that can be added and removed (EditableRows).
 */
import { useTranslation } from 'react-i18next';
import { removeAt, update } from './draft.ts';
import { RowButtons, Text } from './form-inputs.tsx';

/** The fields of a row whose value is text. */
type TextKey<Row> = { [K in keyof Row]: Row[K] extends string ? K : never }[keyof Row] & string;

/** One text input of a record, as data: the record's field, the API's name for it, its texts. */
export interface TextSpec<Row> {
  field: TextKey<Row>;
  /** The last part of the value's JSON pointer (the API's name), if not `field`. */
  pointer?: string;
  /** The input's name. */
  name: string;
  /** Catalogue keys. */
  label: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  numeric?: boolean;
  lang?: 'km' | 'en';
}

/** The text inputs of one record (`base` is its JSON pointer: "", "/feeTiers/0"…). */
export function TextInputs<Row>({
  specs,
  row,
  base,
  onChange,
}: {
  specs: readonly TextSpec<Row>[];
  row: Row;
  base: string;
  onChange: (change: Partial<Row>) => void;
}) {
  const { t } = useTranslation();
  return specs.map((spec) => (
    <Text
      key={spec.name}
      pointer={`${base}/${spec.pointer ?? spec.field}`}
      label={t(spec.label)}
      hint={spec.hint ? t(spec.hint) : undefined}
      value={row[spec.field] as string}
      onChange={(value) => onChange({ [spec.field]: value } as Partial<Row>)}
      required={spec.required}
      multiline={spec.multiline}
      numeric={spec.numeric}
      name={spec.name}
      lang={spec.lang}
    />
  ));
}

/**
 * Rows of one kind (fee tiers, documents, a list's choices) that can be added and removed,
 * each a fieldset of text inputs; `base` is the list's JSON pointer.
 */
export function EditableRows<Row extends { key: string }>({
  kind,
  rows,
  base,
  specs,
  rowLabel,
  buttonsLabel = rowLabel,
  rowClassName,
  minRows = 0,
  onChange,
  make,
  addLabel,
  addClassName = 'button button--secondary svc-admin__add',
}: {
  kind: string;
  rows: readonly Row[];
  base: string;
  specs: readonly TextSpec<Row>[];
  rowLabel: (index: number) => string;
  buttonsLabel?: (index: number) => string;
  rowClassName?: string;
  /** Rows that cannot be removed below this many. */
  minRows?: number;
  onChange: (rows: Row[]) => void;
  make: () => Row;
  addLabel: string;
  addClassName?: string;
}) {
  return (
    <>
      {rows.map((row, i) => (
        <fieldset
          key={row.key}
          className={rowClassName ? `svc-admin__row ${rowClassName}` : 'svc-admin__row'}
          data-row={kind}
          data-index={i}
        >
          <legend>{rowLabel(i)}</legend>
          <TextInputs
            specs={specs}
            row={row}
            base={`${base}/${i}`}
            onChange={(change) => onChange(update(rows, i, change))}
          />
          <RowButtons
            label={buttonsLabel(i)}
            onRemove={rows.length > minRows ? () => onChange(removeAt(rows, i)) : undefined}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className={addClassName}
        data-add={kind}
        onClick={() => onChange([...rows, make()])}
      >
        {addLabel}
      </button>
    </>
  );
}
