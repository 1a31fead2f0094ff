/**
 * A budget line, added or changed while the budget is proposed: direction, economic class (the
 * list follows the direction), functional class (expenditure only), fund source, program or
 * project, descriptions and the amount in riel. The lists come from the API's classifications.
 */
import { parseNumber } from '../../lib/numbers.ts';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiForm } from '../../components/api-form.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { InputField, SelectField } from '../../components/fields.tsx';
import { useAddLine, useUpdateLine, type BudgetLine, type Classifications, type LineBody } from './api.ts';
import { pickName } from './common.tsx';
import { type Direction } from './helpers.ts';

interface LineFormProps {
  budgetId: number;
  classifications: Classifications;
  /** The line changed; a new one when absent. */
  line?: BudgetLine;
  onDone?: () => void;
}

export function LineForm({ budgetId, classifications, line, onDone }: LineFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = {
    direction: useId(),
    economic: useId(),
    functional: useId(),
    fund: useId(),
    program: useId(),
    km: useId(),
    en: useId(),
    amount: useId(),
    amountHint: useId(),
  };
  const [direction, setDirection] = useState<Direction>(line?.direction ?? 'expenditure');
  const [economicCode, setEconomic] = useState(line?.economicCode ?? '');
  const [functionalCode, setFunctional] = useState(line?.functionalCode ?? '');
  const [fundSourceCode, setFund] = useState(line?.fundSourceCode ?? '');
  const [programCode, setProgram] = useState(line?.programCode ?? '');
  const [descriptionKm, setKm] = useState(line?.descriptionKm ?? '');
  const [descriptionEn, setEn] = useState(line?.descriptionEn ?? '');
  const [amountText, setAmount] = useState(line ? String(line.amount) : '');
  const add = useAddLine(budgetId);
  const update = useUpdateLine();
  const mutation = line ? update : add;
  const amount = parseNumber(amountText);
  const economic = classifications.economic.filter((item) => item.direction === direction);
  const needsFunctional = direction === 'expenditure';
  const ready =
    economicCode !== '' &&
    fundSourceCode !== '' &&
    amount !== null &&
    (!needsFunctional || functionalCode !== '');

  const submit = () => {
    if (!ready || amount === null) return;
    const body: LineBody = {
      direction,
      economicCode,
      functionalCode: needsFunctional ? functionalCode : null,
      fundSourceCode,
      programCode: programCode.trim() || null,
      descriptionKm: descriptionKm.trim() || null,
      descriptionEn: descriptionEn.trim() || null,
      amount,
    };
    const done = () => {
      if (!line) {
        setEconomic('');
        setProgram('');
        setKm('');
        setEn('');
        setAmount('');
      }
      onDone?.();
    };
    if (line) update.mutate({ id: line.id, body }, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  };

  return (
    <ApiForm
      className="form budget-line-form"
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.isError ? mutation.error : null}
      submitLabel={line ? t('budgets.lineForm.save') : t('budgets.lineForm.add')}
      submitDisabled={!ready}
      actions={
        onDone && line ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null
      }
    >
      <h3>{line ? t('budgets.lineForm.editTitle') : t('budgets.lineForm.addTitle')}</h3>
      <SelectField
        label={t('budgets.field.direction')}
        name="direction"
        value={direction}
        onChange={(event) => {
          setDirection(event.target.value as Direction);
          setEconomic('');
        }}
      >
        <option value="revenue">{t('budgets.direction.revenue')}</option>
        <option value="expenditure">{t('budgets.direction.expenditure')}</option>
      </SelectField>
      <ClassSelect
        label={t('budgets.field.economic')}
        name="economicCode"
        value={economicCode}
        onValue={setEconomic}
        items={economic.map((item) => ({
          code: item.code,
          text: `${item.code} ${pickName(format.lang, item.nameKm, item.nameEn)}`,
        }))}
      />
      {needsFunctional ? (
        <ClassSelect
          label={t('budgets.field.functional')}
          name="functionalCode"
          value={functionalCode}
          onValue={setFunctional}
          items={classifications.functional.map((item) => ({
            code: item.code,
            text: `${item.code} ${pickName(format.lang, item.nameKm, item.nameEn)}`,
          }))}
        />
      ) : null}
      <ClassSelect
        label={t('budgets.field.fund')}
        name="fundSourceCode"
        value={fundSourceCode}
        onValue={setFund}
        items={classifications.fundSources.map((item) => ({
          code: item.code,
          text: pickName(format.lang, item.nameKm, item.nameEn),
        }))}
      />
      <InputField
        label={t('budgets.field.program')}
        name="programCode"
        maxLength={120}
        value={programCode}
        onValue={setProgram}
      />
      <InputField
        label={t('budgets.field.descriptionKm')}
        name="descriptionKm"
        lang="km"
        maxLength={500}
        value={descriptionKm}
        onValue={setKm}
      />
      <InputField
        label={t('budgets.field.descriptionEn')}
        name="descriptionEn"
        lang="en"
        maxLength={500}
        value={descriptionEn}
        onValue={setEn}
      />
      <div className="field">
        <label htmlFor={ids.amount}>{t('budgets.field.amount')}</label>
        <p id={ids.amountHint} className="hint">
          {t('budgets.lineForm.amountHint')}
        </p>
        <input
          id={ids.amount}
          name="amount"
          inputMode="numeric"
          required
          aria-describedby={ids.amountHint}
          aria-invalid={amountText !== '' && amount === null}
          value={amountText}
          onChange={(event) => setAmount(event.target.value)}
        />
        {amountText !== '' && amount === null ? (
          <p className="field-error">{t('budgets.lineForm.amountInvalid')}</p>
        ) : null}
      </div>
    </ApiForm>
  );
}

/** A required choice of one class of a classification, "choose" first. */
function ClassSelect(props: {
  label: ReactNode;
  name: string;
  value: string;
  onValue: (code: string) => void;
  items: { code: string; text: string }[];
}) {
  const { t } = useTranslation();
  return (
    <SelectField label={props.label} name={props.name} required value={props.value} onValue={props.onValue}>
      <option value="">{t('budgets.lineForm.choose')}</option>
      {props.items.map((item) => (
        <option key={item.code} value={item.code}>
          {item.text}
        </option>
      ))}
    </SelectField>
  );
}
