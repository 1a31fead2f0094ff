/**
 * The lines of a budget version, revenue then expenditure, each with its economic class,
 * functional class, fund source, program or project, amount and (once executed) its actuals
 * per quarter. Lines written by a published transfer are marked and never editable. Staff get,
 * per line, "change" and "remove" while proposed, and "record actuals" once approved.
 */
import { parseNumber } from '../../lib/numbers.ts';
import { Fragment, useId, useState, type FormEvent } from 'react';
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
import { TableWrap } from '../../components/table-wrap.tsx';

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
  const columns = 6 + (withActuals ? 5 : 0) + (withActions ? 1 : 0);
  const className = (kind: 'economic' | 'functional' | 'fundSources', code: string | null) => {
    if (code === null) return '–';
    const item = classifications?.[kind].find((entry) => entry.code === code);
    return item ? pickName(format.lang, item.nameKm, item.nameEn) : code;
  };

  return (
    <>
      {groupLines(budget.lines).map(({ direction, lines }) => (
        <section key={direction} className="budget-section" aria-labelledby={`budget-${direction}-title`}>
          <h2 id={`budget-${direction}-title`}>{t(`budgets.direction.${direction}`)}</h2>
          {lines.length === 0 ? (
            <p className="muted">{t('budgets.lines.none')}</p>
          ) : (
            <TableWrap label={t(`budgets.direction.${direction}`)}>
              <table className={`data-table budget-lines budget-lines--${direction}`}>
                <caption className="visually-hidden">{t(`budgets.direction.${direction}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('budgets.field.economic')}</th>
                    <th scope="col">{t('budgets.field.functional')}</th>
                    <th scope="col">{t('budgets.field.fund')}</th>
                    <th scope="col">{t('budgets.field.program')}</th>
                    <th scope="col">{t('budgets.field.description')}</th>
                    <th scope="col" className="number">
                      {t('budgets.field.amount')}
                    </th>
                    {withActuals ? (
                      <>
                        {QUARTERS.map((quarter) => (
                          <th key={quarter} scope="col" className="number">
                            {t(`budgets.quarter.${quarter}`)}
                          </th>
                        ))}
                        <th scope="col" className="number">
                          {t('budgets.field.actual')}
                        </th>
                      </>
                    ) : null}
                    {withActions ? <th scope="col">{t('budgets.lines.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <Fragment key={line.id}>
                      <tr
                        className="budget-line"
                        data-line={line.id}
                        data-economic={line.economicCode}
                        data-origin={line.systemOrigin ?? 'entered'}
                      >
                        <td>
                          <span className="code">{line.economicCode}</span>{' '}
                          {className('economic', line.economicCode)}
                        </td>
                        <td>{className('functional', line.functionalCode)}</td>
                        <td>{className('fundSources', line.fundSourceCode)}</td>
                        <td>{line.programCode ?? '–'}</td>
                        <th scope="row" className="budget-line__description">
                          {pickName(format.lang, line.descriptionKm, line.descriptionEn) || '–'}
                          {line.systemOrigin === 'transfer' ? (
                            <span className="transfer-badge">{t('budgets.lines.fromTransfer')}</span>
                          ) : null}
                          {line.isExample ? <ExampleBadge /> : null}
                        </th>
                        <td className="number" data-field="amount">
                          {format.riel(line.amount)}
                        </td>
                        {withActuals ? (
                          <>
                            {QUARTERS.map((quarter) => (
                              <td key={quarter} className="number" data-field={quarter}>
                                {format.riel(line.actuals[quarter])}
                              </td>
                            ))}
                            <td className="number" data-field="actual">
                              {format.riel(line.actuals.total)}
                            </td>
                          </>
                        ) : null}
                        {withActions ? (
                          <td className="budget-line__actions">
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
                          </td>
                        ) : null}
                      </tr>
                      {editing === line.id && classifications ? (
                        <tr className="budget-line__detail">
                          <td colSpan={columns}>
                            <LineForm
                              budgetId={budget.id}
                              classifications={classifications}
                              line={line}
                              onDone={() => setEditing(null)}
                            />
                          </td>
                        </tr>
                      ) : null}
                      {recording === line.id ? (
                        <tr className="budget-line__detail">
                          <td colSpan={columns}>
                            <ActualsForm line={line} onDone={() => setRecording(null)} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={5}>
                      {t('budgets.lines.total')}
                    </th>
                    <td className="number" data-field={`total-${direction}`}>
                      {format.riel(sumOf(lines, (line) => line.amount))}
                    </td>
                    {withActuals ? (
                      <>
                        {QUARTERS.map((quarter) => (
                          <td key={quarter} className="number">
                            {format.riel(sumOf(lines, (line) => line.actuals[quarter]))}
                          </td>
                        ))}
                        <td className="number">{format.riel(sumOf(lines, (line) => line.actuals.total))}</td>
                      </>
                    ) : null}
                    {withActions ? <td /> : null}
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
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
