/**
 * The person behind a case: name, sex, age group, disability and phone. Sex, age group and
 * disability are asked so that figures can be broken down by them; "not said" is an answer.
 * No e-mail: most people at a counter have none.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '../../components/fields.tsx';
import { AGE_GROUPS, SEXES } from './api.ts';
import { AGE_GROUP_KEYS, SEX_KEYS } from './labels.ts';
import { RequiredMark } from './service-fields.tsx';

export interface PersonState {
  name: string;
  sex: string;
  ageGroup: string;
  /** 'yes' | 'no' | '' (not said) */
  disability: string;
  phone: string;
}

export const EMPTY_PERSON: PersonState = {
  name: '',
  sex: 'unknown',
  ageGroup: 'unknown',
  disability: '',
  phone: '',
};

export function disabilityValue(state: PersonState): boolean | null {
  return state.disability === 'yes' ? true : state.disability === 'no' ? false : null;
}

interface PersonFieldsProps {
  legend: string;
  value: PersonState;
  onChange: (value: PersonState) => void;
  /** At the counter the name is needed; a complaint may be anonymous. */
  nameRequired: boolean;
  nameMissing?: boolean;
  phoneHint?: string;
}

export function PersonFields({
  legend,
  value,
  onChange,
  nameRequired,
  nameMissing,
  phoneHint,
}: PersonFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<PersonState>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="svc-person">
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          {t('services.person.name')} {nameRequired ? <RequiredMark /> : null}
        </label>
        {nameMissing ? (
          <p id={`${id}-name-problem`} className="field-error">
            {t('services.form.problem.missing')}
          </p>
        ) : null}
        <input
          id={`${id}-name`}
          name="applicantName"
          type="text"
          maxLength={200}
          autoComplete="off"
          aria-invalid={nameMissing ? true : undefined}
          aria-describedby={nameMissing ? `${id}-name-problem` : undefined}
          value={value.name}
          onChange={(event) => set({ name: event.target.value })}
        />
      </div>
      <SelectField
        label={t('services.person.sex')}
        name="sex"
        value={value.sex}
        onChange={(event) => set({ sex: event.target.value })}
      >
        {SEXES.map((sex) => (
          <option key={sex} value={sex}>
            {t(SEX_KEYS[sex] ?? sex)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('services.person.ageGroup')}
        name="ageGroup"
        value={value.ageGroup}
        onChange={(event) => set({ ageGroup: event.target.value })}
      >
        {AGE_GROUPS.map((group) => (
          <option key={group} value={group}>
            {t(AGE_GROUP_KEYS[group] ?? group)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('services.person.disability')}
        name="disability"
        value={value.disability}
        onChange={(event) => set({ disability: event.target.value })}
      >
        <option value="">{t('services.person.disability.unknown')}</option>
        <option value="yes">{t('services.person.disability.yes')}</option>
        <option value="no">{t('services.person.disability.no')}</option>
      </SelectField>
      <InputField
        label={t('services.person.phone')}
        hint={phoneHint ?? t('services.person.phoneHint')}
        name="phone"
        type="tel"
        inputMode="tel"
        maxLength={30}
        autoComplete="off"
        value={value.phone}
        onChange={(event) => set({ phone: event.target.value })}
      />
    </fieldset>
  );
}
