import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changesOf } from '../../lib/diff.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { UnitEvent } from './api.ts';
import { useUnitTypeLabel } from '../../lib/units.ts';
import './gazetteer.css';

const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'recordedAt', 'source', 'legalReference']);

/** The catalogue label of a change kind; a kind the catalogues do not know shows as is. */
export function useEventKindLabel(): (kind: string) => string {
  const { t, i18n } = useTranslation();
  return (kind) => {
    const key = `gazetteer.event.${kind}`;
    return i18n.exists(key) ? t(key) : kind;
  };
}

/** The fields a change altered, "before → after", one per line. */
export function EventChange({ event }: { event: Pick<UnitEvent, 'before' | 'after'> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const typeLabel = useUnitTypeLabel();
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  const changes = changesOf(event.before, event.after, IGNORED).filter(
    (change) => !(empty(change.before) && empty(change.after)),
  );
  // A creation has nothing before: its values are listed as they are.
  const createdOnly = changes.every((change) => empty(change.before));
  if (changes.length === 0) return null;
  const fieldLabel = (field: string) => {
    const key = `gazetteer.field.${field}`;
    return i18n.exists(key) ? t(key) : field;
  };
  const show = (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return t('audit.value.none');
    if (field === 'typeCode' && typeof value === 'string') return typeLabel(value);
    if ((field === 'validFrom' || field === 'validTo') && typeof value === 'string')
      return format.date(value);
    if (field === 'isUrban' && typeof value === 'boolean') return value ? t('unit.urban') : t('unit.rural');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
  return (
    <ul className="event-changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="muted">
            {change.field === '' ? t('audit.field.value') : fieldLabel(change.field)}:{' '}
          </span>
          {createdOnly ? null : (
            <>
              <span className="diff-before">{show(change.field, change.before)}</span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('gazetteer.event.becomes')} </span>
            </>
          )}
          <span className="diff-after">{show(change.field, change.after)}</span>
        </li>
      ))}
    </ul>
  );
}
