import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_KEYS } from '../../lib/units.ts';
import { useChildrenPage } from './api.ts';
import { UnitsTable } from './units-table.tsx';

/** The units directly under a unit, paged, each a link to its profile. */
export function UnitChildren({ code, level, asOf }: { code: string; level: number; asOf: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const children = useChildrenPage(code, page, asOf);
  const levelKey = LEVEL_KEYS[String(level + 1)] ?? 'unit.children.title';
  return (
    <section className="unit-section" aria-labelledby="unit-children-title">
      <h2 id="unit-children-title">{t(levelKey)}</h2>
      <UnitsTable
        className="unit-children"
        list={children}
        empty={t('unit.children.empty')}
        caption={(total) => t('unit.children.caption', { total })}
        captionHidden
        href={(child) => (asOf ? `/units/${child}?asOf=${asOf}` : `/units/${child}`)}
        onPage={setPage}
      />
    </section>
  );
}
