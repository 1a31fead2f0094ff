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
import { DataTable } from '../../components/data-table.tsx';
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
      <DataTable
        className="unit-transfers-table"
        label={t('transfers.unit.title')}
        caption={t('transfers.unit.title')}
        captionHidden
        headers={[
          t('transfers.field.year'),
          t('transfers.field.program'),
          { key: 'c3', label: t('transfers.lines.amount'), className: 'number' },
        ]}
        items={items}
        row={(item) => (
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
        )}
      />
    </section>
  );
}
