import { useTranslation } from 'react-i18next';
import { useUnitPath } from '../lib/units.ts';
import { useUnitTypeLabel } from '../lib/units.ts';
import { useFormat } from '../lib/use-format.ts';

interface UnitNameProps {
  /** null: the national level. */
  code: string | null;
  /** Show the units above too (sangkat, municipality, province): many units share a name. */
  withPath?: boolean;
}

/** A unit's name in the current language, resolved through the gazetteer, with its code. */
export function UnitName({ code, withPath = true }: UnitNameProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const path = useUnitPath(code);
  if (code === null) return <span>{t('unit.national')}</span>;
  if (!path.data) return <span className="code">{code}</span>;
  const units = withPath ? [...path.data.items].reverse() : path.data.items.slice(-1);
  const named = units.map((unit) =>
    t('unit.named', {
      type: typeLabel(unit.typeCode),
      name: format.lang === 'km' ? unit.nameKm : unit.nameLatin,
    }),
  );
  return (
    <span>
      {named.join(format.lang === 'km' ? ' ' : ', ')} <span className="code muted">({code})</span>
    </span>
  );
}
