/**
 * The lines of a budget version, revenue then expenditure, each with its economic class,
 * functional class, fund source, program or project, amount and (once executed) its actuals
 * per quarter. Lines written by a published transfer are marked and never editable. Staff get,
 * per line, "change" and "remove" while proposed, and "record actuals" once approved.
 */
import { parseNumber } from '../../lib/numbers.ts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { useFormat } from '../../lib/use-format.ts';
import {
  useDeleteLine,
  useRecordActuals,
  type Budget,
  type BudgetLine,
  type Classifications,
} from './api.ts';
import { pickName } from './common.tsx';
import { groupLines, hasActuals, sumOf } from './helpers.ts';
import { LineForm } from './line-form.tsx';
import { DataTable, numberColumn, type Column } from '../../components/data-table.tsx';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

interface BudgetLinesProps {
  budget: Budget;
  classifications: Classifications | undefined;
  /** Lines may change (proposed, the version in force, and the person may manage lines). */
  editable: boolean;
  /** Actuals may be recorded (approved or later, the version in force, and the permission). */
  recordable: boolean;
}

export function BudgetLines({ budget, classifications, editable, recordable }: BudgetLinesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<number | null>(null);
  const [recording, setRecording] = useState<number | null>(null);
  const remove = useDeleteLine();
  const withActuals = hasActuals(budget.lines) || recordable;
  const withActions = editable || recordable;
  const className = (kind: 'economic' | 'functional' | 'fundSources', code: string | null) => {
    if (code === null) return '–';
    const item = classifications?.[kind].find((entry) => entry.code === code);
    return item ? pickName(format.lang, item.nameKm, item.nameEn) : code;
  };
  const columns: Column<BudgetLine>[] = [
    {
      key: 'economic',
      label: t('budgets.field.economic'),
      cell: (line) => (
        <>
          <span className="code">{line.economicCode}</span> {className('economic', line.economicCode)}
        </>
      ),
    },
    {
      key: 'functional',
      label: t('budgets.field.functional'),
      cell: (line) => className('functional', line.functionalCode),
    },
    {
      key: 'fund',
      label: t('budgets.field.fund'),
      cell: (line) => className('fundSources', line.fundSourceCode),
    },
    { key: 'program', label: t('budgets.field.program'), cell: (line) => line.programCode ?? '–' },
    {
      key: 'description',
      label: t('budgets.field.description'),
      rowHeader: true,
      className: 'budget-line__description',
      cell: (line) => (
        <>
          {pickName(format.lang, line.descriptionKm, line.descriptionEn) || '–'}
          {line.systemOrigin === 'transfer' ? (
            <span className="transfer-badge">{t('budgets.lines.fromTransfer')}</span>
          ) : null}
          {line.isExample ? <ExampleBadge /> : null}
        </>
      ),
    },
    numberColumn('amount', t('budgets.field.amount'), (line) => format.riel(line.amount)),
    ...(withActuals
      ? [
          ...QUARTERS.map((quarter) =>
            numberColumn<BudgetLine>(quarter, t(`budgets.quarter.${quarter}`), (line) =>
              format.riel(line.actuals[quarter]),
            ),
          ),
          numberColumn<BudgetLine>('actual', t('budgets.field.actual'), (line) =>
            format.riel(line.actuals.total),
          ),
        ]
      : []),
    ...(withActions
      ? [
          {
            key: 'actions',
            label: t('budgets.lines.actions'),
            className: 'budget-line__actions',
            cell: (line: BudgetLine) => (
              <>
                {line.systemOrigin === 'transfer' && editable ? (
                  <span className="muted">{t('budgets.lines.notEditable')}</span>
                ) : null}
                {editable && line.systemOrigin === null ? (
                  <>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-expanded={editing === line.id}
                      onClick={() => setEditing(editing === line.id ? null : line.id)}
                    >
                      {t('budgets.lines.edit')}
                    </button>
                    <ConfirmButton
                      label={t('budgets.lines.remove')}
                      question={t('budgets.lines.remove.question')}
                      confirmLabel={t('budgets.lines.remove.confirm')}
                      disabled={remove.isPending}
                      onConfirm={() => remove.mutate(line.id)}
                    />
                  </>
                ) : null}
                {recordable ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-expanded={recording === line.id}
                    onClick={() => setRecording(recording === line.id ? null : line.id)}
                  >
                    {t('budgets.actuals.record')}
                  </button>
                ) : null}
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {groupLines(budget.lines).map(({ direction, lines }) => (
        <section key={direction} className="budget-section" aria-labelledby={`budget-${direction}-title`}>
          <h2 id={`budget-${direction}-title`}>{t(`budgets.direction.${direction}`)}</h2>
          {lines.length === 0 ? (
            <p className="muted">{t('budgets.lines.none')}</p>
          ) : (
            <DataTable
              className={`budget-lines budget-lines--${direction}`}
              label={t(`budgets.direction.${direction}`)}
              caption={t(`budgets.direction.${direction}`)}
              captionHidden
              columns={columns}
              items={lines}
              rowKey={(line) => String(line.id)}
              rowClassName="budget-line"
              rowData={(line) => ({
                'data-line': line.id,
                'data-economic': line.economicCode,
                'data-origin': line.systemOrigin ?? 'entered',
              })}
              rowDetail={(line) =>
                editing === line.id && classifications ? (
                  <LineForm
                    budgetId={budget.id}
                    classifications={classifications}
                    line={line}
                    onDone={() => setEditing(null)}
                  />
                ) : recording === line.id ? (
                  <ActualsForm line={line} onDone={() => setRecording(null)} />
                ) : null
              }
              footer={
                <tr>
                  <th scope="row" colSpan={5}>
                    {t('budgets.lines.total')}
                  </th>
                  <td
                    className="number"
                    data-field={`total-${direction}`}
                    data-label={t('budgets.field.amount')}
                  >
                    {format.riel(sumOf(lines, (line) => line.amount))}
                  </td>
                  {withActuals ? (
                    <>
                      {QUARTERS.map((quarter) => (
                        <td key={quarter} className="number" data-label={t(`budgets.quarter.${quarter}`)}>
                          {format.riel(sumOf(lines, (line) => line.actuals[quarter]))}
                        </td>
                      ))}
                      <td className="number" data-label={t('budgets.field.actual')}>
                        {format.riel(sumOf(lines, (line) => line.actuals.total))}
                      </td>
                    </>
                  ) : null}
                  {withActions ? <td /> : null}
                </tr>
              }
            />
          )}
        </section>
      ))}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
    </>
  );
}

/** The actuals of a line, quarter by quarter; a quarter left as it was is not sent. */
function ActualsForm({ line, onDone }: { line: BudgetLine; onDone: () => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const record = useRecordActuals();
  const [values, setValues] = useState<Record<(typeof QUARTERS)[number], string>>({
    q1: String(line.actuals.q1),
    q2: String(line.actuals.q2),
    q3: String(line.actuals.q3),
    q4: String(line.actuals.q4),
  });
  const parsed = QUARTERS.map((quarter) => [quarter, parseNumber(values[quarter])] as const);
  const valid = parsed.every(([, value]) => value !== null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const body = Object.fromEntries(parsed.filter(([quarter, value]) => value !== line.actuals[quarter]));
    record.mutate({ id: line.id, body }, { onSuccess: onDone });
  };
  return (
    <form className="form actuals-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('budgets.actuals.title')}</legend>
        <div className="actuals-form__quarters">
          {QUARTERS.map((quarter) => (
            <div className="field" key={quarter}>
              <label htmlFor={`${baseId}-${quarter}`}>{t(`budgets.quarter.${quarter}`)}</label>
              <input
                id={`${baseId}-${quarter}`}
                name={quarter}
                inputMode="numeric"
                value={values[quarter]}
                aria-invalid={parseNumber(values[quarter]) === null}
                onChange={(event) => setValues((old) => ({ ...old, [quarter]: event.target.value }))}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="import-actions">
        <button type="submit" className="button" disabled={!valid || record.isPending}>
          {t('budgets.actuals.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {record.isError ? <ErrorMessage error={record.error} /> : null}
    </form>
  );
}
