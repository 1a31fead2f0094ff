import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { unitName } from '../../lib/units.ts';
import { useUnitChildren, type GazetteerUnit } from '../../lib/units.ts';
import { DateField, InputField, SelectField } from '../../components/fields.tsx';
import { useRestructureUnit, type SplitPartInput } from './api.ts';

/**
 * The two restructurings that change which units exist, for national staff (the API checks
 * gazetteer.import.run): merging this unit into a sibling under the same parent, and
 * splitting it into new units. Both need the legal instrument and the date it took effect,
 * and both become dated events in the history of every unit involved.
 */
export function UnitRestructureForm({ unit }: { unit: GazetteerUnit }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'merge' | 'split'>('merge');
  const ids = { merge: useId(), split: useId() };
  return (
    <section className="unit-section" aria-labelledby="unit-restructure-title">
      <h2 id="unit-restructure-title">{t('unit.restructure.title')}</h2>
      <p className="hint">{t('unit.restructure.intro')}</p>
      <fieldset className="field radio-group">
        <legend>{t('unit.restructure.kind')}</legend>
        <label htmlFor={ids.merge}>
          <input
            id={ids.merge}
            type="radio"
            name="restructure-kind"
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />{' '}
          {t('unit.restructure.merge')}
        </label>
        <label htmlFor={ids.split}>
          <input
            id={ids.split}
            type="radio"
            name="restructure-kind"
            checked={mode === 'split'}
            onChange={() => setMode('split')}
          />{' '}
          {t('unit.restructure.split')}
        </label>
      </fieldset>
      {mode === 'merge' ? <MergeForm unit={unit} /> : <SplitForm unit={unit} />}
    </section>
  );
}

/** The legal instrument and effective date both forms ask for. */
function LegalFields({
  legalReference,
  effectiveDate,
  onLegalReference,
  onEffectiveDate,
}: {
  legalReference: string;
  effectiveDate: string;
  onLegalReference: (value: string) => void;
  onEffectiveDate: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        label={t('unit.field.legalReference')}
        name="legalReference"
        hint={t('unit.edit.legalHint')}
        required
        maxLength={500}
        value={legalReference}
        onValue={onLegalReference}
      />
      <DateField
        label={t('unit.field.effectiveDate')}
        name="effectiveDate"
        required
        value={effectiveDate}
        onValue={onEffectiveDate}
      />
    </>
  );
}

function MergeForm({ unit }: { unit: GazetteerUnit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { merge } = useRestructureUnit(unit.code);
  const siblings = useUnitChildren(unit.parentCode);
  const [intoCode, setIntoCode] = useState('');
  const [legalReference, setLegalReference] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(() => todayInPhnomPenh());
  const choices = (siblings.data?.items ?? []).filter((sibling) => sibling.code !== unit.code);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Not mutate's own onSuccess: the refreshed profile of the absorbed unit (no longer
    // current) unmounts this form before it would run, and React Query then skips it.
    merge
      .mutateAsync({ intoCode, legalReference: legalReference.trim(), effectiveDate })
      .then(() => navigate(`/units/${intoCode}`))
      .catch(() => {}); // shown by merge.isError
  };

  return (
    <form className="form unit-merge-form" onSubmit={submit}>
      <p className="hint">{t('unit.restructure.mergeIntro', { name: unitName(unit, format.lang) })}</p>
      <SelectField
        label={t('unit.restructure.into')}
        required
        value={intoCode}
        onChange={(e) => setIntoCode(e.target.value)}
      >
        <option value="">{t('unit.restructure.choose')}</option>
        {choices.map((sibling) => (
          <option key={sibling.code} value={sibling.code}>
            {sibling.code} {unitName(sibling, format.lang)}
          </option>
        ))}
      </SelectField>
      <LegalFields
        legalReference={legalReference}
        effectiveDate={effectiveDate}
        onLegalReference={setLegalReference}
        onEffectiveDate={setEffectiveDate}
      />
      {merge.isError ? <ErrorMessage error={merge.error} /> : null}
      <button type="submit" className="button" disabled={merge.isPending}>
        {merge.isPending ? t('common.saving') : t('unit.restructure.mergeSubmit')}
      </button>
    </form>
  );
}

const emptyPart = (): SplitPartInput => ({ code: '', nameKm: '', nameLatin: '' });

function SplitForm({ unit }: { unit: GazetteerUnit }) {
  const { t } = useTranslation();
  const { split } = useRestructureUnit(unit.code);
  const [parts, setParts] = useState<SplitPartInput[]>(() => [emptyPart(), emptyPart()]);
  const [keepOriginal, setKeepOriginal] = useState(false);
  const [legalReference, setLegalReference] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(() => todayInPhnomPenh());
  const keepId = useId();
  const codeHintId = useId();

  const setPart = (index: number, change: Partial<SplitPartInput>) =>
    setParts((current) => current.map((part, i) => (i === index ? { ...part, ...change } : part)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    split.mutate({
      legalReference: legalReference.trim(),
      effectiveDate,
      keepOriginal,
      parts: parts.map((part) => ({
        code: part.code.trim(),
        nameKm: part.nameKm.trim(),
        nameLatin: part.nameLatin.trim(),
      })),
    });
  };

  return (
    <form className="form unit-split-form" onSubmit={submit}>
      <p id={codeHintId} className="hint">
        {t('unit.restructure.codeHint', { parent: unit.parentCode ?? '', length: unit.code.length })}
      </p>
      {parts.map((part, index) => (
        <fieldset key={index} className="field split-part">
          <legend>{t('unit.restructure.part', { number: index + 1 })}</legend>
          <label>
            {t('unit.field.code')}
            <input
              required
              inputMode="numeric"
              pattern="[0-9]+"
              minLength={unit.code.length}
              maxLength={unit.code.length}
              aria-describedby={codeHintId}
              value={part.code}
              onChange={(e) => setPart(index, { code: e.target.value })}
            />
          </label>
          <label>
            {t('unit.field.nameKm')}
            <input
              required
              lang="km"
              maxLength={200}
              value={part.nameKm}
              onChange={(e) => setPart(index, { nameKm: e.target.value })}
            />
          </label>
          <label>
            {t('unit.field.nameLatin')}
            <input
              required
              lang="en"
              maxLength={200}
              value={part.nameLatin}
              onChange={(e) => setPart(index, { nameLatin: e.target.value })}
            />
          </label>
        </fieldset>
      ))}
      <div className="actions">
        {parts.length < 20 ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => setParts([...parts, emptyPart()])}
          >
            {t('unit.restructure.addPart')}
          </button>
        ) : null}
        {parts.length > 2 ? (
          <button type="button" className="button secondary" onClick={() => setParts(parts.slice(0, -1))}>
            {t('unit.restructure.removePart')}
          </button>
        ) : null}
      </div>
      <label htmlFor={keepId} className="checkbox">
        <input
          id={keepId}
          type="checkbox"
          checked={keepOriginal}
          onChange={(e) => setKeepOriginal(e.target.checked)}
        />{' '}
        {t('unit.restructure.keepOriginal')}
      </label>
      <LegalFields
        legalReference={legalReference}
        effectiveDate={effectiveDate}
        onLegalReference={setLegalReference}
        onEffectiveDate={setEffectiveDate}
      />
      {split.isError ? <ErrorMessage error={split.error} /> : null}
      {split.isSuccess && !split.isPending ? (
        <p className="success-message" role="status">
          {t('unit.restructure.splitDone', { total: split.data.parts.length })}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={split.isPending}>
        {split.isPending ? t('common.saving') : t('unit.restructure.splitSubmit')}
      </button>
    </form>
  );
}
