/**
 * Type-ahead search of the gazetteer (Khmer name, romanised name or code prefix), as an ARIA
 * combobox: arrows move through the suggestions, Enter opens one, Escape closes the list. Each
 * suggestion shows the units above it, because many units share a name, and the UNGEGN
 * romanisation of its Khmer name when that is what the typed spelling matched.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { useUnitSearch, type SearchHit } from './api.ts';
import { unitName, useUnitTypeLabel } from '../../lib/units.ts';
import { Loading } from '../../components/query-states.tsx';

const DEBOUNCE_MS = 250;
const CAPITAL_CODE = '12';

interface UnitSearchProps {
  label: string;
  /** What choosing a unit does; by default, open its profile. */
  onChoose?: (hit: SearchHit) => void;
  limit?: number;
}

export function UnitSearch({ label, onChoose, limit = 10 }: UnitSearchProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const navigate = useNavigate();
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useUnitSearch(term, limit);
  const hits = term === '' ? [] : (search.data?.items ?? []);
  const showList = open && term !== '' && !search.isPending;

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setActiveIndex(-1);
    if (onChoose) onChoose(hit);
    else void navigate(`/units/${hit.code}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((i) => (hits.length === 0 ? -1 : (i + 1) % hits.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((i) => (hits.length === 0 ? -1 : (i - 1 + hits.length) % hits.length));
    } else if (event.key === 'Enter') {
      const hit = hits[activeIndex] ?? (hits.length === 1 ? hits[0] : undefined);
      if (hit) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActiveIndex(-1);
    }
  };

  const pathOf = (hit: SearchHit) =>
    hit.path
      .filter((step) => step.code !== hit.code)
      .map((step) => {
        // The path carries no type; a province's is known from its code (12 is the capital).
        const typeCode =
          (step as { typeCode?: string }).typeCode ??
          (step.code.length === 2 ? (step.code === CAPITAL_CODE ? 'capital' : 'province') : undefined);
        const name = unitName(step, format.lang);
        return typeCode ? t('unit.named', { type: typeLabel(typeCode), name }) : name;
      })
      .join(' › ');

  return (
    <div className="unit-search" role="search">
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <p id={hintId} className="hint">
          {t('unitSearch.hint')}
        </p>
        <input
          id={inputId}
          type="search"
          role="combobox"
          className="unit-search__input"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={showList && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {term !== '' && search.isPending ? <Loading /> : null}
      {search.isError ? <ErrorMessage error={search.error} /> : null}
      <ul id={listId} role="listbox" aria-label={label} className="unit-search__list" hidden={!showList}>
        {showList && hits.length === 0 ? (
          <li className="unit-search__empty" role="option" aria-selected={false} aria-disabled="true">
            {t('unitSearch.none')}
          </li>
        ) : null}
        {hits.map((hit, index) => {
          const path = pathOf(hit);
          return (
            <li
              key={hit.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={
                index === activeIndex
                  ? 'unit-search__option unit-search__option--active'
                  : 'unit-search__option'
              }
              data-code={hit.code}
              // mousedown, not click: the input's blur would close the list before the click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(hit);
              }}
            >
              <span className="unit-search__name">
                {t('unit.named', { type: typeLabel(hit.typeCode), name: unitName(hit, format.lang) })}
              </span>{' '}
              <span className="code muted">{hit.code}</span>
              {hit.romanised ? (
                // Found through its UNGEGN romanisation ("kompong chhnang"): say so, with that spelling.
                <span className="unit-search__romanised muted">
                  {t('unitSearch.romanised', { name: hit.romanised })}
                </span>
              ) : null}
              {path ? <span className="unit-search__path muted">{path}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {showList ? t('unitSearch.count', { total: format.number(hits.length) }) : ''}
      </p>
    </div>
  );
}
