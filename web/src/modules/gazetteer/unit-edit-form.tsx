import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiForm, fieldErrors } from '../../components/api-form.tsx';
import { todayInPhnomPenh } from '../../lib/format.ts';
import type { GazetteerUnit } from '../../lib/units.ts';
import { DateField, InputField } from '../../components/fields.tsx';
import { useUpdateUnit, type UnitPatch } from './api.ts';

/**
 * Corrects a unit's names or urban/rural status, with the legal act and the date it takes
 * effect: the change becomes an entry of the unit's history.
 */
export function UnitEditForm({ unit }: { unit: GazetteerUnit }) {
  const { t } = useTranslation();
  const update = useUpdateUnit(unit.code);
  const [nameKm, setNameKm] = useState(unit.nameKm);
  const [nameLatin, setNameLatin] = useState(unit.nameLatin);
  const [isUrban, setIsUrban] = useState(unit.isUrban);
  const [legalReference, setLegalReference] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(() => todayInPhnomPenh());
  const [nothingChanged, setNothingChanged] = useState(false);
  const wrong = fieldErrors(update.error);
  const invalid = (field: string) => (wrong[field] ? t('common.fieldInvalid') : undefined);

  const submit = () => {
    const body: UnitPatch = { legalReference: legalReference.trim(), effectiveDate };
    if (nameKm.trim() !== unit.nameKm) body.nameKm = nameKm.trim();
    if (nameLatin.trim() !== unit.nameLatin) body.nameLatin = nameLatin.trim();
    if (isUrban !== unit.isUrban) body.isUrban = isUrban;
    const changed = body.nameKm !== undefined || body.nameLatin !== undefined || body.isUrban !== undefined;
    setNothingChanged(!changed);
    if (!changed) return;
    update.mutate(body, { onSuccess: () => setLegalReference('') });
  };

  return (
    <section className="unit-section" aria-labelledby="unit-edit-title">
      <h2 id="unit-edit-title">{t('unit.edit.title')}</h2>
      <p className="hint">{t('unit.edit.intro')}</p>
      <ApiForm
        className="form unit-edit-form"
        onSubmit={submit}
        pending={update.isPending}
        error={update.isError ? update.error : null}
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        after={
          update.isSuccess && !update.isPending ? (
            <p className="success-message" role="status">
              {t('unit.edit.saved')}
            </p>
          ) : null
        }
      >
        <InputField
          label={t('unit.field.nameKm')}
          name="nameKm"
          error={invalid('nameKm')}
          lang="km"
          required
          maxLength={200}
          value={nameKm}
          onValue={setNameKm}
        />
        <InputField
          label={t('unit.field.nameLatin')}
          name="nameLatin"
          error={invalid('nameLatin')}
          lang="en"
          required
          maxLength={200}
          value={nameLatin}
          onValue={setNameLatin}
        />
        <fieldset className="field radio-group">
          <legend>{t('unit.field.setting')}</legend>
          <label>
            <input type="radio" name="isUrban" checked={isUrban} onChange={() => setIsUrban(true)} />{' '}
            {t('unit.urban')}
          </label>
          <label>
            <input type="radio" name="isUrban" checked={!isUrban} onChange={() => setIsUrban(false)} />{' '}
            {t('unit.rural')}
          </label>
        </fieldset>
        <InputField
          label={t('unit.field.legalReference')}
          hint={t('unit.edit.legalHint')}
          name="legalReference"
          error={invalid('legalReference')}
          required
          maxLength={300}
          value={legalReference}
          onValue={setLegalReference}
        />
        <DateField
          label={t('unit.field.effectiveDate')}
          name="effectiveDate"
          error={invalid('effectiveDate')}
          required
          value={effectiveDate}
          onValue={setEffectiveDate}
        />
        {nothingChanged ? (
          <p className="field-error" role="alert">
            {t('unit.edit.nothing')}
          </p>
        ) : null}
      </ApiForm>
    </section>
  );
}
