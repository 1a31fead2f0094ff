import { useTranslation } from 'react-i18next';
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
        // Focusable: on a phone the table scrolls sideways, and keyboard users must reach it.
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('councils.membersOf', { name })}>
          <table className="data-table organ__members">
            <caption className="visually-hidden">{t('councils.membersOf', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('councils.col.name')}</th>
                <th scope="col">{t('councils.col.role')}</th>
                <th scope="col">{t('councils.col.sex')}</th>
                <th scope="col">{t('councils.col.party')}</th>
              </tr>
            </thead>
            <tbody>
              {organ.members.map((member, index) => (
                <tr key={index}>
                  <th scope="row">{format.lang === 'km' ? member.nameKm : member.nameLatin}</th>
                  <td>{label('councils.role', member.role)}</td>
                  <td>{member.sex === 'female' ? t('councils.sex.female') : t('councils.sex.male')}</td>
                  <td>{member.party ?? t('audit.value.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
