/**
 * /hr/leadership?unit=&year= — women among the holders of positions: by province for the
 * nation (or one unit's subtree), with the share of women as a bar against the year's target,
 * and the breakdowns by position level, grade, age group and disability, each by sex. Council
 * members in office by sex come from the councils module.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table.tsx';
import { Loaded } from '../../components/query-states.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { unitName } from '../../lib/units.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useLeadership, type Leadership, type LeadershipRow } from './api.ts';
import { useCategoryNames, usePercent } from './common.tsx';

interface SexCount {
  female: number;
  male: number;
}

const share = (count: SexCount) =>
  count.female + count.male === 0
    ? null
    : Math.round((count.female / (count.female + count.male)) * 1000) / 10;

export function LeadershipPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const figures = useLeadership(unit, year);
  useDocumentTitle(t('hr.leadership.title'));
  return (
    <article className="hr-page hr-leadership">
      <h1>{t('hr.leadership.title')}</h1>
      {unit ? (
        <p className="lead">
          <Link to={`/hr/units/${unit}`}>
            <UnitName code={unit} />
          </Link>
        </p>
      ) : null}
      <Loaded query={figures}>{(data) => <Figures data={data} />}</Loaded>
    </article>
  );
}

function Figures({ data }: { data: Leadership }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const names = useCategoryNames();
  const target = data.targetPercent;
  const bySex = (label: string, rows: (SexCount & { key: string; name: string })[]) => (
    <section aria-label={label}>
      <h2>{label}</h2>
      <DataTable
        items={rows}
        caption={label}
        captionHidden
        rowKey={(row) => row.key}
        columns={[
          { key: 'name', label, rowHeader: true, cell: (row) => row.name },
          {
            key: 'female',
            label: t('hr.female'),
            className: 'number',
            cell: (row) => format.number(row.female),
          },
          { key: 'male', label: t('hr.male'), className: 'number', cell: (row) => format.number(row.male) },
          {
            key: 'share',
            label: t('hr.leadership.share'),
            className: 'number',
            cell: (row) => percent(share(row)),
          },
        ]}
      />
    </section>
  );
  return (
    <>
      <dl className="details hr-leadership-summary">
        <dt>{t('hr.leadership.year')}</dt>
        <dd>{format.digits(String(data.year))}</dd>
        <dt>{t('hr.leadership.target')}</dt>
        <dd data-field="target">
          {t(data.targetIsDefault ? 'hr.leadership.targetDefault' : 'hr.leadership.targetSet', {
            percent: percent(target),
          })}
        </dd>
        <dt>{t('hr.leadership.total')}</dt>
        <dd data-field="total-share">
          {format.number(data.totals.female)} / {format.number(data.totals.female + data.totals.male)} ·{' '}
          {percent(data.totals.womenPercent)}
        </dd>
        <dt>{t('hr.leadership.leaders')}</dt>
        <dd data-field="leaders-share">
          {format.number(data.leadership.female)} /{' '}
          {format.number(data.leadership.female + data.leadership.male)} ·{' '}
          {percent(data.leadership.womenPercent)}
        </dd>
      </dl>
      <p data-field="councils">
        {t('hr.leadership.councils', {
          female: format.number(data.councilMembers.female),
          male: format.number(data.councilMembers.male),
          percent: percent(share(data.councilMembers)),
        })}
      </p>
      <section aria-labelledby="hr-chart-title">
        <h2 id="hr-chart-title">{t('hr.leadership.chart')}</h2>
        <DataTable
          items={data.rows}
          caption={t('hr.leadership.chart')}
          captionHidden
          rowKey={(row: LeadershipRow) => row.unitCode}
          rowData={(row) => ({ 'data-unit': row.unitCode })}
          columns={[
            {
              key: 'unit',
              label: data.scopeCode ? t('hr.leadership.unit') : t('hr.leadership.province'),
              rowHeader: true,
              cell: (row) => <Link to={`/hr/units/${row.unitCode}`}>{unitName(row, format.lang)}</Link>,
            },
            {
              key: 'female',
              label: t('hr.female'),
              className: 'number',
              cell: (row) => format.number(row.female),
            },
            { key: 'male', label: t('hr.male'), className: 'number', cell: (row) => format.number(row.male) },
            {
              key: 'share',
              label: t('hr.leadership.share'),
              className: 'number',
              cell: (row) => percent(row.womenPercent),
            },
            {
              key: 'bar',
              label: t('hr.leadership.chart'),
              labelHidden: true,
              cell: (row) => <ShareBar value={row.womenPercent} target={target} />,
            },
          ]}
        />
      </section>
      {bySex(
        t('hr.leadership.byLevel'),
        data.byLevel.map((row) => ({ ...row, key: row.level, name: t(`hr.level.${row.level}`) })),
      )}
      {bySex(
        t('hr.leadership.byGrade'),
        data.byGrade.map((row) => ({ ...row, key: row.gradeCode ?? '-', name: names.grade(row.gradeCode) })),
      )}
      {bySex(
        t('hr.leadership.byAgeGroup'),
        data.byAgeGroup.map((row) => ({ ...row, key: row.ageGroup, name: t(`hr.ageGroup.${row.ageGroup}`) })),
      )}
      {bySex(
        t('hr.leadership.byDisability'),
        data.byDisability.map((row) => ({
          ...row,
          key: row.disability,
          name: t(`hr.disability.${row.disability}`),
        })),
      )}
    </>
  );
}

/** The share of women as a bar, with the target marked: a picture of the figure beside it. */
function ShareBar({ value, target }: { value: number | null; target: number }) {
  return (
    <span className="hr-bar" aria-hidden="true">
      <span className="hr-bar__fill" style={{ width: `${Math.min(100, value ?? 0)}%` }} />
      <span className="hr-bar__target" style={{ left: `${Math.min(100, target)}%` }} />
    </span>
  );
}
