/**
 * Public: the fee and time-limit board of one office, to print on A4 and put on the wall. The
 * board is always in Khmer with Khmer digits, whatever language the page is read in: it is for
 * the people who come to the office. The print style (app.css, "services") hides the site
 * around it and sets large type.
 */
import './i18n.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { digits, formatDate, formatRiel, type FormatOptions } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useUnitPath } from '../../lib/units.ts';
import { UNIT_TYPE_KEYS } from '../../lib/units.ts';
import { useStandards } from './api.ts';
import { Loading } from '../../components/query-states.tsx';
import './services.css';

const KHMER: FormatOptions = { lang: 'km', khmerDigits: true };
const DISTRICT_CODE_LENGTH = 4;
/** The most services one board holds; an office offers a few dozen at most. */
const BOARD_SIZE = 200;

export function BoardPage() {
  const { unitCode = '' } = useParams();
  const { t, i18n } = useTranslation();
  const km = useMemo(() => i18n.getFixedT('km'), [i18n]);
  const path = useUnitPath(unitCode);
  const standards = useStandards({ unitCode, page: 1, pageSize: BOARD_SIZE, sort: 'nameKm' });
  useDocumentTitle(t('services.board.title'));

  const unit = path.data?.items[path.data.items.length - 1];
  const unitLabel = (step: { typeCode: string; nameKm: string }) => {
    const key = UNIT_TYPE_KEYS[step.typeCode];
    return key ? km('unit.named', { type: km(key), name: step.nameKm }) : step.nameKm;
  };
  const above = path.data ? path.data.items.slice(0, -1).reverse().map(unitLabel).join(' ') : '';
  const office =
    unit === undefined
      ? unitCode
      : unitCode.length === DISTRICT_CODE_LENGTH
        ? `${km('services.board.owso')} ${unitLabel(unit)}`
        : km('services.board.communeOffice', { unit: unitLabel(unit) });
  const items = standards.data?.items ?? [];
  const anyExample = items.some((standard) => standard.isExample);
  const fee = (amount: number) => (amount === 0 ? km('services.fee.free') : formatRiel(amount, KHMER));
  const days = (count: number) => km('services.timeLimit.many', { days: digits(String(count), KHMER) });

  return (
    <section className="page svc-board-page" aria-labelledby="board-title">
      <div className="svc-board-tools no-print">
        <p>
          <Link to={`/services?unit=${unitCode}`}>{t('services.back.catalogue')}</Link>
        </p>
        <p className="hint">{t('services.board.printHint')}</p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('services.board.print')}
        </button>
      </div>
      {standards.isPending || path.isPending ? (
        <Loading />
      ) : standards.isError ? (
        <ErrorMessage error={standards.error} onRetry={() => void standards.refetch()} />
      ) : path.isError ? (
        <ErrorMessage error={path.error} onRetry={() => void path.refetch()} />
      ) : (
        <article className="svc-board" lang="km" data-unit={unitCode}>
          <header className="svc-board__head">
            <p className="svc-board__kingdom">{km('services.board.kingdom')}</p>
            <h1 id="board-title" className="svc-board__title">
              {km('services.board.heading')}
            </h1>
            <p className="svc-board__office">{office}</p>
            {above ? <p className="svc-board__above">{above}</p> : null}
          </header>
          {anyExample ? <p className="svc-board__example">{km('services.board.example')}</p> : null}
          {items.length === 0 ? (
            <p>{km('services.board.empty')}</p>
          ) : (
            <table className="svc-board__table">
              <thead>
                <tr>
                  <th scope="col">{km('services.board.col.service')}</th>
                  <th scope="col">{km('services.board.col.fee')}</th>
                  <th scope="col">{km('services.board.col.time')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((standard) => (
                  <tr key={standard.code} data-code={standard.code}>
                    <th scope="row">{standard.nameKm}</th>
                    <td data-field="fee">
                      {standard.feeTiers.length === 1 && standard.feeTiers[0] ? (
                        fee(standard.feeTiers[0].amountRiel)
                      ) : (
                        <ul className="svc-board__tiers">
                          {standard.feeTiers.map((tier) => (
                            <li key={tier.code}>
                              {tier.labelKm}៖ <strong>{fee(tier.amountRiel)}</strong>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td data-field="timeLimit">{days(standard.timeLimitDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <footer className="svc-board__foot">
            <p className="svc-board__rule">{km('services.board.rule')}</p>
            <p>{km('services.board.track', { address: `${window.location.host}/track` })}</p>
            <p>{km('services.board.complain', { address: `${window.location.host}/complaints/new` })}</p>
            <p className="svc-board__date">
              {km('services.board.printed', { date: formatDate(new Date(), KHMER) })}
            </p>
          </footer>
        </article>
      )}
    </section>
  );
}
