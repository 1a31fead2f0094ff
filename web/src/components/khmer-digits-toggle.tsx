import { useTranslation } from 'react-i18next';
import { setKhmerDigits } from '../lib/settings.ts';
import { useFormat } from '../lib/use-format.ts';

export function KhmerDigitsToggle() {
  const { t } = useTranslation();
  const { khmerDigits } = useFormat();
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={khmerDigits}
        onChange={(event) => setKhmerDigits(event.target.checked)}
      />
      <span>{t('settings.khmerDigits')}</span>
    </label>
  );
}
