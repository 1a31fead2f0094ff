/**
 * Public: one service standard where it is offered: fee tiers in riel, the time limit in
 * working days, the documents to bring, the legal basis and the offices that offer it, each
 * with its printable board and a link to apply online.
 */
import './i18n.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { FILE_APPLICATIONS, useStandard } from './api.ts';
import { TIER_KEYS } from './labels.ts';
import { FeeTiers, serviceName, TimeLimit } from './parts.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import './services.css';

export function ServicePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const standard = useStandard(code);
  useDocumentTitle(standard.data ? serviceName(standard.data, format.lang) : t('services.service.title'));

  if (standard.isPending) return <Loading />;
  if (standard.isError) {
    return (
      <section className="page">
        <p>
          <Link to="/services">{t('services.back.catalogue')}</Link>
        </p>
        <ErrorMessage error={standard.error} onRetry={() => void standard.refetch()} />
      </section>
    );
  }
  const s = standard.data;
  const km = format.lang === 'km';
  const description = km ? s.descriptionKm : s.descriptionEn;
  const current = s.offerings.filter((offering) => offering.isCurrent);
  const canFileAt = (unit: string) => session.holdsAt(FILE_APPLICATIONS, unit);

  return (
    <section className="page svc-page svc-standard" aria-labelledby="service-title" data-code={s.code}>
      <p>
        <Link to="/services">{t('services.back.catalogue')}</Link>
      </p>
      <h1 id="service-title">
        {serviceName(s, format.lang)} {s.isExample ? <ExampleBadge /> : null}
      </h1>
      {s.isExample ? <p className="notice">{t('services.example.notice')}</p> : null}
      {description ? <p className="lead">{description}</p> : null}
      <dl className="svc-facts svc-facts--large">
        <div>
          <dt>{t('services.fee.label')}</dt>
          <dd data-field="fee">
            <FeeTiers tiers={s.feeTiers} />
          </dd>
        </div>
        <div>
          <dt>{t('services.timeLimit.label')}</dt>
          <dd data-field="timeLimit">
            <TimeLimit days={s.timeLimitDays} />
          </dd>
        </div>
        <div>
          <dt>{t('services.tier.label')}</dt>
          <dd>{t(TIER_KEYS[s.providerTier] ?? s.providerTier)}</dd>
        </div>
      </dl>
      <p className="svc-warning">{t('services.fee.onlyPublished')}</p>

      <h2>{t('services.documents.title')}</h2>
      {s.requiredDocuments.length === 0 ? (
        <p>{t('services.documents.none')}</p>
      ) : (
        <ul className="svc-documents">
          {s.requiredDocuments.map((document) => (
            <li key={document.nameEn}>{km ? document.nameKm : document.nameEn}</li>
          ))}
        </ul>
      )}

      <h2>{t('services.legalBasis')}</h2>
      <p>{s.legalBasis}</p>
      {s.source ? <p className="muted">{t('services.source', { source: s.source })}</p> : null}

      <h2>{t('services.offices.title')}</h2>
      {current.length === 0 ? (
        <p>{t('services.offices.none')}</p>
      ) : (
        <ul className="svc-offices">
          {current.map((offering) => (
            <li key={offering.id} data-unit={offering.unitCode}>
              <UnitName code={offering.unitCode} />
              <span className="muted">
                {' '}
                {t('services.offices.since', { date: format.date(offering.validFrom) })}
                {offering.validTo
                  ? ` ${t('services.offices.until', { date: format.date(offering.validTo) })}`
                  : ''}
              </span>
              <ul className="svc-actions">
                <li>
                  <Link
                    className="button"
                    to={`/services/${encodeURIComponent(s.code)}/apply?unit=${offering.unitCode}`}
                  >
                    {t('services.apply.link')}
                  </Link>
                </li>
                {canFileAt(offering.unitCode) ? (
                  <li>
                    <Link
                      className="button button--secondary"
                      to={`/applications/new?service=${encodeURIComponent(s.code)}&unit=${offering.unitCode}`}
                    >
                      {t('services.counter.link')}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to={`/services/board/${offering.unitCode}`}>{t('services.board.link')}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/complaints/new?service=${encodeURIComponent(s.code)}`}>
          {t('services.complain.aboutService')}
        </Link>
      </p>
    </section>
  );
}
