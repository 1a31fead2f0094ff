import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitChildren, type GazetteerUnit } from '../lib/units.ts';
import { useFormat } from '../lib/use-format.ts';

/** undefined: nothing chosen yet; null: the national level; otherwise a unit code. */
export type UnitChoice = string | null | undefined;

const NATIONAL = 'national';
const LEVELS = [1, 2, 3, 4] as const;
type Level = (typeof LEVELS)[number];

interface UnitPickerProps {
  legend: string;
  value: UnitChoice;
  onChange: (value: UnitChoice) => void;
  /** Offer "national" above the provinces (only for people who act nationally). */
  allowNational?: boolean;
  /** The deepest level offered: 1 province, 2 district, 3 commune, 4 village. */
  maxLevel?: Level;
  /**
   * The units the user works at: other branches of the tree are not offered. null in the list
   * (a national assignment), or no list, offers everything.
   */
  limitTo?: readonly (string | null)[];
  required?: boolean;
  hint?: string;
}

function inScope(code: string, limitTo: readonly (string | null)[] | undefined): boolean {
  if (!limitTo || limitTo.length === 0 || limitTo.includes(null)) return true;
  return limitTo.some((unit) => unit !== null && (code.startsWith(unit) || unit.startsWith(code)));
}

/** The code chosen at a level, if the choice goes that deep. */
function codeAt(value: UnitChoice, level: Level): string {
  return typeof value === 'string' && value.length >= level * 2 ? value.slice(0, level * 2) : '';
}

/**
 * Cascading selects: province, then district, commune, village, each fed by the gazetteer API
 * with the children of the unit chosen above. The value is the deepest unit chosen.
 */
export function UnitPicker({
  legend,
  value,
  onChange,
  allowNational = false,
  maxLevel = 4,
  limitTo,
  required = false,
  hint,
}: UnitPickerProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const levels = LEVELS.filter((level) => level <= maxLevel);
  return (
    <fieldset className="unit-picker" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {levels.map((level) => {
        const parent = level === 1 ? null : codeAt(value, (level - 1) as Level);
        if (parent === '') return null;
        return (
          <LevelSelect
            key={level}
            level={level}
            parent={parent}
            selected={level === 1 && value === null ? NATIONAL : codeAt(value, level)}
            allowNational={level === 1 && allowNational}
            limitTo={limitTo}
            required={required && level === 1}
            onSelect={(code) => {
              if (code === NATIONAL) onChange(null);
              else if (code === '') onChange(parent ?? undefined);
              else onChange(code);
            }}
            placeholder={level === 1 ? t('unitPicker.choose') : t('unitPicker.none')}
          />
        );
      })}
    </fieldset>
  );
}

interface LevelSelectProps {
  level: Level;
  parent: string | null;
  selected: string;
  allowNational: boolean;
  limitTo: readonly (string | null)[] | undefined;
  required: boolean;
  placeholder: string;
  onSelect: (code: string) => void;
}

function LevelSelect({
  level,
  parent,
  selected,
  allowNational,
  limitTo,
  required,
  placeholder,
  onSelect,
}: LevelSelectProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const query = useUnitChildren(parent);
  const label = [
    t('unitPicker.level1'),
    t('unitPicker.level2'),
    t('unitPicker.level3'),
    t('unitPicker.level4'),
  ][level - 1];
  const units: GazetteerUnit[] = (query.data?.items ?? []).filter((unit) => inScope(unit.code, limitTo));
  // A unit without children (a village's level) shows nothing rather than an empty select.
  if (level > 1 && query.isSuccess && units.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={selected}
        required={required}
        aria-busy={query.isPending}
        data-level={level}
        onChange={(event) => onSelect(event.target.value)}
      >
        <option value="">{query.isPending ? t('common.loading') : placeholder}</option>
        {allowNational ? <option value={NATIONAL}>{t('unit.national')}</option> : null}
        {units.map((unit) => (
          <option key={unit.code} value={unit.code}>
            {format.lang === 'km' ? unit.nameKm : unit.nameLatin} ({unit.code})
          </option>
        ))}
      </select>
      {query.isError ? <p className="field-error">{t('unitPicker.loadFailed')}</p> : null}
    </div>
  );
}
