/**
 * /transfers/scenario (national staff): take a stored formula, change its component shares,
 * criterion weights and pool, and compare the result with the formula as stored, on the same
 * figures. Shares and weights must total exactly 100, which the form shows as it is typed.
 * Nothing is written: the API computes both and answers with the changes per unit.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Counts } from '../../components/counts.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useFormula, useFormulas, usePrograms, useRunScenario } from './api.ts';
import {
  pickName,
  TransfersLinks,
  useCriterionLabel,
  useDecimal,
  usePercent,
  useTransfersStaff,
} from './common.tsx';
import { EquityTable } from './equity-table.tsx';
import {
  applyForm,
  checkForm,
  formOf,
  pageOf,
  poolOf,
  sortChanges,
  type ChangeOrder,
  type PercentTotal,
  type ScenarioForm,
} from './helpers.ts';
import { LorenzChart } from './lorenz-chart.tsx';
import type { FormulaDocument, ScenarioComparison, UnitChange } from './types.ts';
import { Loading } from '../../components/query-states.tsx';
import { DataTable, numberColumn, type Column } from '../../components/data-table.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import './transfers.css';

export const CHANGES_PAGE_SIZE = 25;

export function ScenarioPage() {
  return (
    <RequireSession permission="transfers.allocation.compute">
      <Scenario />
    </RequireSession>
  );
}

function Scenario() {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useTransfersStaff();
  useDocumentTitle(t('transfers.scenario.title'));
  // The latest formulas: a scenario starts from this year's or next year's formula.
  const formulas = useFormulas(1);
  const programs = usePrograms();
  const [formulaId, setFormulaId] = useState<number | null>(null);
  const chosen = formulaId ?? formulas.data?.items[0]?.id ?? null;
  const formula = useFormula(chosen ?? 0, chosen !== null);
  const programName = (code: string) => {
    const program = programs.data?.find((item) => item.code === code);
    return program ? pickName(format.lang, program.nameKm, program.nameEn) : code;
  };

  return (
    <section className="page scenario-page" aria-labelledby="scenario-title">
      <h1 id="scenario-title">{t('transfers.scenario.title')}</h1>
      <p>{t('transfers.scenario.intro')}</p>
      <TransfersLinks />
      {!staff.canCompute ? (
        <p className="notice">{t('transfers.scenario.nationalOnly')}</p>
      ) : formulas.isPending ? (
        <Loading />
      ) : formulas.isError ? (
        <ErrorMessage error={formulas.error} onRetry={() => void formulas.refetch()} />
      ) : formulas.data.items.length === 0 ? (
        <p>{t('transfers.formulas.empty')}</p>
      ) : (
        <>
          <SelectField
            label={t('transfers.scenario.formula')}
            name="formula"
            value={chosen ?? ''}
            onChange={(event) => setFormulaId(Number(event.target.value))}
          >
            {formulas.data.items.map((item) => (
              <option key={item.id} value={item.id}>
                {t('transfers.formula.title', {
                  program: programName(item.programCode),
                  year: format.digits(String(item.fiscalYear)),
                  version: format.number(item.version),
                })}
              </option>
            ))}
          </SelectField>
          {formula.isPending ? (
            <Loading />
          ) : formula.isError ? (
            <ErrorMessage error={formula.error} onRetry={() => void formula.refetch()} />
          ) : (
            <ScenarioEditor
              key={formula.data.id}
              formulaId={formula.data.id}
              formula={formula.data.formula}
            />
          )}
        </>
      )}
    </section>
  );
}

function TotalNote({ total, id }: { total: PercentTotal; id: string }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <p
      id={id}
      className={total.isHundred ? 'total-note total-note--ok' : 'total-note total-note--off'}
      aria-live="polite"
      data-ok={total.isHundred}
    >
      {total.total === null
        ? t('transfers.scenario.totalInvalid')
        : total.isHundred
          ? t('transfers.scenario.totalOk', { total: percent(total.total) })
          : t('transfers.scenario.totalOff', { total: percent(total.total) })}
    </p>
  );
}

function ScenarioEditor({ formulaId, formula }: { formulaId: number; formula: FormulaDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const criterionLabel = useCriterionLabel();
  const ids = { shares: useId(), percent: useId(), amount: useId(), amountHint: useId() };
  const [form, setForm] = useState<ScenarioForm>(() => formOf(formula));
  const check = checkForm(formula, form);
  const run = useRunScenario();
  const scenario = check.valid ? applyForm(formula, form) : null;

  const setShare = (index: number, share: string) =>
    setForm((current) => ({
      ...current,
      components: current.components.map((c, i) => (i === index ? { ...c, share } : c)),
    }));
  const setWeight = (index: number, k: number, weight: string) =>
    setForm((current) => ({
      ...current,
      components: current.components.map((c, i) =>
        i === index ? { ...c, weights: c.weights.map((w, j) => (j === k ? weight : w)) } : c,
      ),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!scenario) return;
    run.mutate({ baselineFormulaId: formulaId, scenario });
  };

  return (
    <>
      <form className="form scenario-form" onSubmit={submit} noValidate>
        <fieldset className="scenario-fieldset" aria-describedby={ids.shares}>
          <legend>{t('transfers.scenario.shares')}</legend>
          {formula.components.map((component, index) => {
            const edit = form.components[index];
            if (!edit) return null;
            const weights = check.weights[index];
            const weightsId = `${ids.shares}-w${index}`;
            return (
              <div className="scenario-component" key={component.code} data-component={component.code}>
                <div className="field">
                  <label htmlFor={`${ids.shares}-s${index}`}>
                    {pickName(format.lang, component.nameKm, component.nameEn)} (%)
                  </label>
                  <input
                    id={`${ids.shares}-s${index}`}
                    name={`share-${component.code}`}
                    inputMode="decimal"
                    value={edit.share}
                    aria-invalid={check.shares.invalid.includes(index)}
                    onChange={(event) => setShare(index, event.target.value)}
                  />
                </div>
                {component.criteria.length > 1 ? (
                  <fieldset className="scenario-weights" aria-describedby={weightsId}>
                    <legend>{t('transfers.scenario.weights')}</legend>
                    {component.criteria.map((criterion, k) => (
                      <div className="field" key={k}>
                        <label htmlFor={`${ids.shares}-s${index}-c${k}`}>
                          {criterionLabel(criterion)} (%)
                        </label>
                        <input
                          id={`${ids.shares}-s${index}-c${k}`}
                          name={`weight-${component.code}-${k}`}
                          inputMode="decimal"
                          value={edit.weights[k] ?? ''}
                          aria-invalid={weights?.invalid.includes(k)}
                          onChange={(event) => setWeight(index, k, event.target.value)}
                        />
                      </div>
                    ))}
                    {weights ? <TotalNote total={weights} id={weightsId} /> : null}
                  </fieldset>
                ) : (
                  <p className="hint">
                    {t('transfers.scenario.oneCriterion', {
                      criterion: criterionLabel(component.criteria[0] ?? { kind: 'equal' }),
                    })}
                  </p>
                )}
              </div>
            );
          })}
          <TotalNote total={check.shares} id={ids.shares} />
        </fieldset>

        <fieldset className="scenario-fieldset">
          <legend>{t('transfers.pool.title')}</legend>
          {formula.pool.kind === 'share_of_base' ? (
            <InputField
              label={t('transfers.scenario.poolPercent')}
              name="poolPercent"
              inputMode="decimal"
              value={form.poolPercent}
              aria-invalid={!check.poolPercentValid}
              onChange={(event) => setForm({ ...form, poolPercent: event.target.value })}
            />
          ) : null}
          <div className="field">
            <label htmlFor={ids.amount}>
              {formula.pool.kind === 'share_of_base'
                ? t('transfers.scenario.poolBase')
                : t('transfers.scenario.poolAmount')}
            </label>
            <input
              id={ids.amount}
              name="poolAmount"
              inputMode="numeric"
              value={form.poolAmount}
              aria-invalid={!check.poolAmountValid}
              aria-describedby={ids.amountHint}
              onChange={(event) => setForm({ ...form, poolAmount: event.target.value })}
            />
            <p id={ids.amountHint} className="hint" aria-live="polite">
              {check.poolAmountValid && check.poolPercentValid
                ? t('transfers.scenario.poolResult', {
                    amount: format.riel(poolOf(applyForm(formula, form).pool, formula.rounding.unit)),
                    millions: format.riel(poolOf(applyForm(formula, form).pool, formula.rounding.unit), {
                      millions: true,
                    }),
                  })
                : t('transfers.scenario.poolInvalid')}
            </p>
          </div>
        </fieldset>

        <div className="import-actions">
          <button type="submit" className="button" disabled={!check.valid || run.isPending}>
            {run.isPending ? t('transfers.scenario.running') : t('transfers.scenario.run')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setForm(formOf(formula));
              run.reset();
            }}
          >
            {t('transfers.scenario.reset')}
          </button>
        </div>
        {!check.valid ? <p className="field-error">{t('transfers.scenario.fixFirst')}</p> : null}
      </form>
      {run.isError ? <ErrorMessage error={run.error} /> : null}
      {run.data ? <ScenarioResult result={run.data} /> : null}
    </>
  );
}

function ScenarioResult({ result }: { result: ScenarioComparison }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [order, setOrder] = useState<ChangeOrder>('-change');
  const [page, setPage] = useState(1);
  const sorted = sortChanges(result.units, order);
  const rows = pageOf(sorted, page, CHANGES_PAGE_SIZE);
  const changeColumns: Column<UnitChange>[] = [
    {
      key: 'name',
      label: t('units.col.name'),
      rowHeader: true,
      cell: (change) => (
        <Link to={`/units/${change.code}`}>
          <UnitName code={change.code} withPath={false} />
        </Link>
      ),
    },
    numberColumn('before', t('transfers.scenario.before'), (change) => format.riel(change.baseline)),
    numberColumn('after', t('transfers.scenario.after'), (change) => format.riel(change.scenario)),
    {
      key: 'change',
      label: t('transfers.scenario.change'),
      className: 'number change',
      sort: order === '-change' ? 'descending' : order === 'change' ? 'ascending' : 'none',
      heading: (
        <button
          type="button"
          className="sort-button"
          title={t('transfers.scenario.sortByChange')}
          onClick={() => {
            setOrder(order === '-change' ? 'change' : '-change');
            setPage(1);
          }}
        >
          {t('transfers.scenario.change')}{' '}
          <span aria-hidden="true">{order === '-change' ? '▼' : order === 'change' ? '▲' : '↕'}</span>
        </button>
      ),
      cell: (change) => (
        <span className={`change--${changeClass(change.change)}`}>
          <ChangeAmount change={change} />
        </span>
      ),
    },
    numberColumn('per-person', t('transfers.scenario.perPerson'), (change) =>
      change.changePerPerson === null
        ? t('transfers.equity.none')
        : signed(format.riel(Math.abs(Math.round(change.changePerPerson))), change.changePerPerson),
    ),
  ];
  const difference = result.totalScenario - result.totalBaseline;

  return (
    <section className="transfers-section scenario-result" aria-labelledby="scenario-result-title">
      <h2 id="scenario-result-title">{t('transfers.scenario.result')}</h2>
      <Counts
        className="scenario-counts"
        items={[
          { kind: 'gainers', label: t('transfers.scenario.gainers'), value: format.number(result.gainers) },
          { kind: 'losers', label: t('transfers.scenario.losers'), value: format.number(result.losers) },
          {
            kind: 'unchanged',
            label: t('transfers.scenario.unchanged'),
            value: format.number(result.unchanged),
          },
        ]}
      />
      <dl className="details">
        <dt>{t('transfers.scenario.largestGain')}</dt>
        <dd data-field="largestGain">
          {result.largestGain ? <ChangeText change={result.largestGain} /> : t('transfers.equity.none')}
        </dd>
        <dt>{t('transfers.scenario.largestLoss')}</dt>
        <dd data-field="largestLoss">
          {result.largestLoss ? <ChangeText change={result.largestLoss} /> : t('transfers.equity.none')}
        </dd>
        <dt>{t('transfers.scenario.totals')}</dt>
        <dd>
          {format.riel(result.totalBaseline)} → {format.riel(result.totalScenario)}
          {difference !== 0 ? ` (${signed(format.riel(Math.abs(difference)), difference)})` : null}
        </dd>
      </dl>

      <h3>{t('transfers.equity.title')}</h3>
      <EquityTable
        caption={t('transfers.scenario.equityCaption')}
        columns={[
          { label: t('transfers.scenario.before'), figures: result.equityBefore },
          { label: t('transfers.scenario.after'), figures: result.equityAfter },
        ]}
      />
      {result.equityBefore.lorenz.length > 1 && result.equityAfter.lorenz.length > 1 ? (
        <LorenzChart
          title={t('transfers.scenario.lorenzTitle')}
          series={[
            { label: t('transfers.scenario.before'), points: result.equityBefore.lorenz, variant: 'before' },
            { label: t('transfers.scenario.after'), points: result.equityAfter.lorenz },
          ]}
        />
      ) : null}

      <h3>{t('transfers.scenario.changes')}</h3>
      <div className="filters">
        <SelectField
          label={t('transfers.lines.sort')}
          name="order"
          value={order}
          onChange={(event) => {
            setOrder(event.target.value as ChangeOrder);
            setPage(1);
          }}
        >
          <option value="-change">{t('transfers.scenario.sort.gainFirst')}</option>
          <option value="change">{t('transfers.scenario.sort.lossFirst')}</option>
          <option value="code">{t('transfers.lines.sort.code')}</option>
        </SelectField>
      </div>
      <DataTable
        className="changes-table"
        label={t('transfers.scenario.changes')}
        caption={t('transfers.scenario.changesCaption', { total: format.number(result.units.length) })}
        columns={changeColumns}
        items={rows}
        rowKey={(change) => change.code}
        rowData={(change) => ({ 'data-code': change.code, 'data-change': Math.sign(change.change) })}
      />
      <Pager page={page} pageSize={CHANGES_PAGE_SIZE} total={sorted.length} onPage={setPage} />
    </section>
  );
}

const changeClass = (value: number) => (value > 0 ? 'up' : value < 0 ? 'down' : 'none');

/** "+1,000៛" / "−1,000៛": the sign is written, not only coloured. */
function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

function ChangeAmount({ change }: { change: UnitChange }) {
  const format = useFormat();
  const decimal = useDecimal();
  const percent =
    change.changePercent === null
      ? ''
      : ` (${signed(`${decimal(Math.abs(change.changePercent), 1)}%`, change.changePercent)})`;
  return (
    <>
      {signed(format.riel(Math.abs(change.change)), change.change)}
      {percent}
    </>
  );
}

function ChangeText({ change }: { change: UnitChange }) {
  return (
    <>
      <Link to={`/units/${change.code}`}>
        <UnitName code={change.code} withPath={false} />
      </Link>{' '}
      <ChangeAmount change={change} />
    </>
  );
}
