/**
 * /budgets/:unitCode/:year — a unit's budget for a year: its phase, its versions (the original
 * and each adjustment with its reason; any of them can be shown), the council's decision, the
 * lines (revenue, then expenditure) with their actuals per quarter. Public readers see published
 * budgets only: the API answers 404 otherwise, shown as "no published budget". Staff of the unit
 * open a budget, change its lines while proposed, record the council's decision, approve, adjust
 * and record actuals; the API checks every rule.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { ApiError } from '../../lib/api/problem.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useBudget, useClassifications, useCouncilDecision, useCreateBudget, type Budget } from './api.ts';
import { AdjustmentForm, CouncilDecisionActions } from './budget-actions.tsx';
import { BudgetLines } from './budget-lines.tsx';
import { BudgetLinks, PhaseBadge, pickName, useBudgetStaff } from './common.tsx';
import { isPublished } from './helpers.ts';
import { LineForm } from './line-form.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import './budgets.css';

export function BudgetPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { unitCode = '', year: yearText = '' } = useParams();
  const year = Number(yearText);
  const [search] = useSearchParams();
  const version = Number(search.get('version')) || undefined;
  const budget = useBudget(unitCode, year, version);
  useDocumentTitle(t('budgets.budget.title', { year: format.digits(yearText), code: unitCode }));

  return (
    <article className="budget-page">
      <h1>{t('budgets.budget.heading', { year: format.digits(yearText) })}</h1>
      <p className="lead">
        <UnitName code={unitCode} />
      </p>
      <BudgetLinks code={unitCode} year={year} />
      {budget.isPending ? (
        <Loading />
      ) : budget.isError ? (
        budget.error instanceof ApiError && budget.error.status === 404 && !version ? (
          <NoBudget code={unitCode} year={year} />
        ) : (
          <ErrorMessage error={budget.error} onRetry={() => void budget.refetch()} />
        )
      ) : (
        <BudgetView budget={budget.data} />
      )}
    </article>
  );
}

/** No budget the reader may see: none yet, or not published. Staff of the unit may open one. */
function NoBudget({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useBudgetStaff(code);
  const create = useCreateBudget(code, year);
  return (
    <section className="budget-section no-budget" aria-labelledby="no-budget-title">
      <h2 id="no-budget-title">{t('budgets.none.title')}</h2>
      <p>{t('budgets.none.lead', { year: format.digits(String(year)) })}</p>
      {staff.canManage ? (
        <>
          <button
            type="button"
            className="button create-budget"
            disabled={create.isPending}
            onClick={() => create.mutate()}
          >
            {t('budgets.create', { year: format.digits(String(year)) })}
          </button>
          {create.isError ? <ErrorMessage error={create.error} /> : null}
        </>
      ) : null}
    </section>
  );
}

function BudgetView({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useBudgetStaff(budget.unitCode);
  const inForce = budget.shownVersion === budget.currentVersion;
  const proposed = budget.phase === 'proposed';
  const classifications = useClassifications();
  const editable = inForce && proposed && staff.canManage;
  const recordable = inForce && isPublished(budget.phase) && staff.canRecordActuals;

  return (
    <>
      <dl className="budget-summary">
        <div>
          <dt>{t('budgets.field.phase')}</dt>
          <dd data-field="phase">
            <PhaseBadge phase={budget.phase} /> {budget.isExample ? <ExampleBadge /> : null}
          </dd>
        </div>
        <div>
          <dt>{t('budgets.decision.title')}</dt>
          <dd data-field="council-decision">
            {budget.councilDecision ? (
              <DecisionReference decision={budget.councilDecision} />
            ) : (
              t('budgets.decision.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('budgets.totals.revenue')}</dt>
          <dd className="number" data-field="revenue">
            {format.riel(budget.totals.revenue)}
          </dd>
        </div>
        <div>
          <dt>{t('budgets.totals.expenditure')}</dt>
          <dd className="number" data-field="expenditure">
            {format.riel(budget.totals.expenditure)}
          </dd>
        </div>
        <div>
          <dt>{t('budgets.totals.balance')}</dt>
          <dd className="number" data-field="balance">
            {format.riel(budget.totals.balance)}
          </dd>
        </div>
      </dl>

      <Versions budget={budget} />
      <BudgetLines
        budget={budget}
        classifications={classifications.data}
        editable={editable}
        recordable={recordable}
      />
      {classifications.isError ? <ErrorMessage error={classifications.error} /> : null}
      {editable && classifications.data ? (
        <section className="budget-section" aria-labelledby="add-line-title">
          <h2 id="add-line-title" className="visually-hidden">
            {t('budgets.lineForm.addTitle')}
          </h2>
          <LineForm budgetId={budget.id} classifications={classifications.data} />
        </section>
      ) : null}
      {inForce && proposed && staff.canDecide ? <CouncilDecisionActions budget={budget} /> : null}
      {inForce && isPublished(budget.phase) && staff.canManage ? <AdjustmentForm budget={budget} /> : null}
    </>
  );
}

/** The versions: the original and each adjustment with its reason; the one shown is marked. */
function Versions({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (budget.versions.length <= 1) return null;
  return (
    <section className="budget-section budget-versions" aria-labelledby="budget-versions-title">
      <h2 id="budget-versions-title">{t('budgets.versions.title')}</h2>
      <ol className="budget-versions__list">
        {[...budget.versions].reverse().map((version) => {
          const shown = version.version === budget.shownVersion;
          const to =
            version.version === budget.currentVersion
              ? `/budgets/${budget.unitCode}/${budget.fiscalYear}`
              : `/budgets/${budget.unitCode}/${budget.fiscalYear}?version=${version.version}`;
          return (
            <li key={version.version} data-version={version.version}>
              <Link to={to} aria-current={shown ? 'page' : undefined}>
                {t('budgets.versions.item', {
                  version: format.digits(String(version.version)),
                  kind: t(`budgets.versions.kind.${version.kind}`),
                })}
              </Link>{' '}
              <span className="muted">{format.date(version.createdAt)}</span>
              {version.version === budget.currentVersion ? (
                <span className="status-badge">{t('budgets.versions.inForce')}</span>
              ) : null}
              {version.reason ? <p className="budget-versions__reason">{version.reason}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * The decision behind the approval: a link to the council's decision (its number, date and
 * title), or a typed number marked as a legacy reference.
 */
function DecisionReference({ decision }: { decision: NonNullable<Budget['councilDecision']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linked = useCouncilDecision(decision.decisionId);
  const text = t('budgets.decision.text', { number: decision.number, date: format.date(decision.date) });
  if (decision.decisionId === null) {
    return (
      <>
        {text} <span className="muted">({t('budgets.decision.legacyLabel')})</span>
      </>
    );
  }
  if (!linked.data) return <span data-decision-id={decision.decisionId}>{text}</span>;
  return (
    <>
      <Link to={`/councils/meetings/${linked.data.meetingId}`} data-decision-id={decision.decisionId}>
        {text}
      </Link>{' '}
      — {pickName(format.lang, linked.data.titleKm, linked.data.titleEn)}
    </>
  );
}
