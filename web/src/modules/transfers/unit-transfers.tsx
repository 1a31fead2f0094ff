/**
 * "Transfers received", a section of the unit profile: the unit's published allocations, per
 * program and year, each with its amount and a link to the allocation page (where the formula
 * and the explanation are). Nothing at all is shown when the unit has received none.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { useUnitTransfers } from './api.ts';
import { pickName } from './common.tsx';
import { TableWrap } from '../../components/table-wrap.tsx';
import './transfers.css';

export function UnitTransfers({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const transfers = useUnitTransfers(code);
  // Quiet on failure too: the profile is about the unit, and the transfers page has the details.
  const items = transfers.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="unit-section unit-transfers" aria-labelledby="unit-transfers-title">
      <h2 id="unit-transfers-title">{t('transfers.unit.title')}</h2>
      <TableWrap label={t('transfers.unit.title')}>
        <table className="data-table unit-transfers-table">
          <caption className="visually-hidden">{t('transfers.unit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfers.field.year')}</th>
              <th scope="col">{t('transfers.field.program')}</th>
              <th scope="col" className="number">
                {t('transfers.lines.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.allocationId} data-allocation={item.allocationId} data-year={item.fiscalYear}>
                <td>{format.digits(String(item.fiscalYear))}</td>
                <th scope="row">
                  <Link to={`/transfers/allocations/${item.allocationId}`}>
                    {pickName(format.lang, item.programNameKm, item.programNameEn)}
                  </Link>
                </th>
                <td className="number" data-field="amount">
                  {format.riel(item.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
