/** Where a page stands: links up to it, the page itself last (`aria-current`). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb {
  /** Its address; none for the current page. */
  to?: string;
  label: ReactNode;
  /** Names the step in the page (`data-code`), for tests. */
  code?: string;
}

export function Breadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('unit.breadcrumb')}>
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.code ?? crumb.to ?? index} data-code={crumb.code}>
            {crumb.to === undefined ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link to={crumb.to}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
