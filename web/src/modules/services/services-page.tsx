/**
 * Public: find a service by words of its Khmer or English name (the API normalises Khmer as
 * the gazetteer search does) or by the commune or district where one goes, in pages.
 */
import './i18n.ts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Pager } from '../../components/pager.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { UnitPicker, type UnitChoice } from '../../components/unit-picker.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { LIST_PAGE_SIZE, useStandards, type StandardsQuery } from './api.ts';
import { TIER_KEYS } from './labels.ts';
import { FeeTiers, serviceName, TimeLimit } from './parts.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { Loading } from '../../components/query-states.tsx';
import './services.css';
import { pageParam } from '../../lib/page-param.ts';

const COMMUNE_CODE_LENGTH = 6;

export function ServicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('services.catalogue.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unit = params.get('unit') ?? '';
  const page = pageParam(params);
  const [text, setText] = useState(q);
  const searchId = useId();

  const query: StandardsQuery = {
    page,
    pageSize: LIST_PAGE_SIZE,
    sort: 'nameEn',
    ...(q ? { q } : {}),
    ...(unit ? { unitCode: unit } : {}),
  };
  const standards = useStandards(query);

  const update = (next: { q?: string; unit?: string; page?: number }) => {
    const merged = { q, unit, page: 1, ...next };
    const search: Record<string, string> = {};
    if (merged.q) search.q = merged.q;
    if (merged.unit) search.unit = merged.unit;
    if (merged.page > 1) search.page = String(merged.page);
    setParams(search);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };

  const district = unit.length === COMMUNE_CODE_LENGTH ? unit.slice(0, 4) : null;

  return (
    <section className="page svc-page" aria-labelledby="services-title">
      <h1 id="services-title">{t('services.catalogue.title')}</h1>
      <p className="lead">{t('services.catalogue.intro')}</p>
      <ul className="chips page-links">
        <li>
          <Link to="/track">{t('services.track.link')}</Link>
        </li>
        <li>
          <Link to="/complaints/new">{t('services.complain.link')}</Link>
        </li>
      </ul>
      <form className="svc-search" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={searchId}>{t('services.catalogue.searchLabel')}</label>
          <p id={`${searchId}-hint`} className="hint">
            {t('services.catalogue.searchHint')}
          </p>
          <div className="svc-search__row">
            <input
              id={searchId}
              name="q"
              type="search"
              maxLength={100}
              autoComplete="off"
              aria-describedby={`${searchId}-hint`}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="button">
              {t('services.catalogue.search')}
            </button>
          </div>
        </div>
      </form>
      <UnitPicker
        legend={t('services.catalogue.where')}
        hint={t('services.catalogue.whereHint')}
        value={unit || undefined}
        maxLevel={3}
        onChange={(choice: UnitChoice) => update({ unit: choice ?? '' })}
      />
      {unit ? (
        <p className="svc-where">
          {t('services.catalogue.offeredAt')} <UnitName code={unit} />{' '}
          <Link to={`/services/board/${unit}`}>{t('services.board.link')}</Link>
          {district ? (
            <>
              {' · '}
              <Link to={`/services?unit=${district}`}>{t('services.catalogue.districtToo')}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {standards.isPending ? (
        <Loading />
      ) : standards.isError ? (
        <ErrorMessage error={standards.error} onRetry={() => void standards.refetch()} />
      ) : standards.data.items.length === 0 ? (
        <p className="notice">{t('services.catalogue.empty')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('services.catalogue.count', { total: format.number(standards.data.total) })}
          </p>
          <ul className="svc-list" aria-busy={standards.isFetching}>
            {standards.data.items.map((standard) => (
              <li key={standard.code} className="svc-card" data-code={standard.code}>
                <h2 className="svc-card__title">
                  <Link to={`/services/${encodeURIComponent(standard.code)}`}>
                    {serviceName(standard, format.lang)}
                  </Link>{' '}
                  {standard.isExample ? <ExampleBadge /> : null}
                </h2>
                <dl className="svc-facts">
                  <div>
                    <dt>{t('services.fee.label')}</dt>
                    <dd data-field="fee">
                      <FeeTiers tiers={standard.feeTiers} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('services.timeLimit.label')}</dt>
                    <dd data-field="timeLimit">
                      <TimeLimit days={standard.timeLimitDays} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('services.tier.label')}</dt>
                    <dd>{t(TIER_KEYS[standard.providerTier] ?? standard.providerTier)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <Pager
            page={standards.data.page}
            pageSize={standards.data.pageSize}
            total={standards.data.total}
            onPage={(p) => update({ page: p })}
          />
        </>
      )}
    </section>
  );
}
