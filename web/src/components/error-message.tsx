import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../lib/api/problem.ts';

interface ErrorMessageProps {
  error: unknown;
  onRetry?: () => void;
}

export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="error-message" role="alert">
      <p>{t(errorMessageKey(error, (key) => i18n.exists(key)))}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
