import { useTranslation } from 'react-i18next';
import { useUnitPath } from '../modules/gazetteer/api.ts';
import { useFormat } from '../lib/use-format.ts';

/** The name of a unit type (province, sangkat…); a type the catalogues do not know shows its code. */
export function useUnitTypeLabel(): (typeCode: string) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    capital: t('gazetteer.type.capital'),
    province: t('gazetteer.type.province'),
    municipality: t('gazetteer.type.municipality'),
    district: t('gazetteer.type.district'),
    khan: t('gazetteer.type.khan'),
    commune: t('gazetteer.type.commune'),
    sangkat: t('gazetteer.type.sangkat'),
    village: t('gazetteer.type.village'),
  };
  return (typeCode) => labels[typeCode] ?? typeCode;
}

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
