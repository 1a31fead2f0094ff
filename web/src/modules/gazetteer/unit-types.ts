import { useTranslation } from 'react-i18next';

/** Catalogue keys of the unit types the gazetteer knows; a type added later shows its code. */
export const UNIT_TYPE_KEYS: Readonly<Record<string, string>> = {
  capital: 'gazetteer.type.capital',
  province: 'gazetteer.type.province',
  municipality: 'gazetteer.type.municipality',
  district: 'gazetteer.type.district',
  khan: 'gazetteer.type.khan',
  commune: 'gazetteer.type.commune',
  sangkat: 'gazetteer.type.sangkat',
  village: 'gazetteer.type.village',
};

/** The catalogue key of a level's generic name ("communes and sangkats"). */
export const LEVEL_KEYS: Readonly<Record<string, string>> = {
  '1': 'gazetteer.level.1',
  '2': 'gazetteer.level.2',
  '3': 'gazetteer.level.3',
  '4': 'gazetteer.level.4',
};

/** The name of a unit type (province, sangkat…) in the current language. */
export function useUnitTypeLabel(): (typeCode: string) => string {
  const { t } = useTranslation();
  return (typeCode) => {
    const key = UNIT_TYPE_KEYS[typeCode];
    return key ? t(key) : typeCode;
  };
}

/** A unit's name in the current language: Khmer, or the romanised name in English. */
export function unitName(unit: { nameKm: string; nameLatin: string }, lang: string): string {
  return lang === 'km' ? unit.nameKm : unit.nameLatin;
}
