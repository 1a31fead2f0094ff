import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { isMissingRoute, useOrgans, type Organ, type OrganMember } from './api.ts';
import { Loading } from '../../components/query-states.tsx';

/** Women's share of the members; null when there is none. */
export function womenShare(members: readonly OrganMember[]): number | null {
  if (members.length === 0) return null;
  return members.filter((m) => m.sex === 'female').length / members.length;
}

/** The council, board of governors, committees and offices of a unit, with their members. */
export function UnitOrgans({ code }: { code: string }) {
  const { t } = useTranslation();
  const organs = useOrgans(code);
  return (
    <section className="unit-section" aria-labelledby="unit-organs-title">
      <h2 id="unit-organs-title">{t('unit.organs.title')}</h2>
      {organs.isPending ? (
        <Loading />
      ) : organs.isError ? (
        isMissingRoute(organs.error) ? (
          <p className="muted">{t('unit.organs.unavailable')}</p>
        ) : (
          <ErrorMessage error={organs.error} onRetry={() => void organs.refetch()} />
        )
      ) : organs.data.items.length === 0 ? (
        <p>{t('unit.organs.empty')}</p>
      ) : (
        organs.data.items.map((organ) => <OrganCard key={organ.id} organ={organ} />)
      )}
    </section>
  );
}

function termText(organ: Organ, date: (value: string) => string): string | null {
  if (!organ.termStart && !organ.termEnd) return null;
  return `${organ.termStart ? date(organ.termStart) : '…'} – ${organ.termEnd ? date(organ.termEnd) : '…'}`;
}

function OrganCard({ organ }: { organ: Organ }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const label = (prefix: string, value: string | null | undefined) => {
    if (!value) return t('audit.value.none');
    const key = `${prefix}.${value}`;
    return i18n.exists(key) ? t(key) : value;
  };
  const name =
    (format.lang === 'km' ? organ.nameKm : organ.nameEn) ??
    organ.nameKm ??
    organ.nameEn ??
    label('councils.kind', organ.kind);
  const share = womenShare(organ.members);
  const term = termText(organ, format.date);
  const headingId = `organ-${organ.id}`;
  return (
    <article className="organ card" data-kind={organ.kind} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="muted">
        {label('councils.kind', organ.kind)}
        {term ? ` · ${t('councils.term')}: ${term}` : null}
      </p>
      {share !== null ? (
        <p className="organ__share">
          {t('councils.womenShare', {
            share: format.number(Math.round(share * 100)),
            members: format.number(organ.members.length),
          })}
        </p>
      ) : null}
      {organ.members.length === 0 ? (
        <p>{t('councils.noMembers')}</p>
      ) : (
        <DataTable
          className="organ__members"
          label={t('councils.membersOf', { name })}
          caption={t('councils.membersOf', { name })}
          captionHidden
          columns={[
            {
              key: 'name',
              label: t('councils.col.name'),
              rowHeader: true,
              cell: (member) => (format.lang === 'km' ? member.nameKm : member.nameLatin),
            },
            {
              key: 'role',
              label: t('councils.col.role'),
              cell: (member) => label('councils.role', member.role),
            },
            {
              key: 'sex',
              label: t('councils.col.sex'),
              cell: (member) => (member.sex === 'female' ? t('councils.sex.female') : t('councils.sex.male')),
            },
            {
              key: 'party',
              label: t('councils.col.party'),
              cell: (member) => member.party ?? t('audit.value.none'),
            },
          ]}
          items={organ.members}
          rowKey={(_member, index) => String(index)}
        />
      )}
    </article>
  );
}
