import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Screen-reader users hear the title first after a navigation, so every page sets one. */
export function useDocumentTitle(pageTitle: string | null): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${appName}` : appName;
  }, [pageTitle, appName]);
}
