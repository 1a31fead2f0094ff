import { useTranslation } from 'react-i18next';

/**
 * "Example": demo data that is not official (records marked `isExample` by the API) says so
 * wherever it is shown, with the same badge on every page.
 */
export function ExampleBadge() {
  const { t } = useTranslation();
  return (
    <span className="example-badge" title={t('example.title')}>
      {t('example.badge')}
    </span>
  );
}
