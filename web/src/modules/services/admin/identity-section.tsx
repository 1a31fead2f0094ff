/** The standard's identity: code and owner (new standards), names, sector, legal basis, tier, time limit. */
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../../components/unit-picker.tsx';
import { useSession } from '../../../lib/session.ts';
import { TIER_KEYS } from '../labels.ts';
import { MANAGE_STANDARDS } from './api.ts';
import { PROVIDER_TIERS, type Draft, type ProviderTier } from './draft.ts';
import { FieldProblem, Select } from './form-inputs.tsx';
import { TextInputs, type TextSpec } from './text-inputs.tsx';

const CODE_INPUT: readonly TextSpec<Draft>[] = [
  {
    field: 'code',
    name: 'code',
    label: 'servicesAdmin.field.code',
    hint: 'servicesAdmin.field.codeHint',
    required: true,
    lang: 'en',
  },
];

const ABOUT_INPUTS: readonly TextSpec<Draft>[] = [
  { field: 'nameKm', name: 'nameKm', label: 'servicesAdmin.field.nameKm', required: true, lang: 'km' },
  { field: 'nameEn', name: 'nameEn', label: 'servicesAdmin.field.nameEn', required: true, lang: 'en' },
  {
    field: 'sector',
    name: 'sector',
    label: 'servicesAdmin.field.sector',
    hint: 'servicesAdmin.field.sectorHint',
    required: true,
    lang: 'en',
  },
  {
    field: 'descriptionKm',
    name: 'descriptionKm',
    label: 'servicesAdmin.field.descriptionKm',
    multiline: true,
    lang: 'km',
  },
  {
    field: 'descriptionEn',
    name: 'descriptionEn',
    label: 'servicesAdmin.field.descriptionEn',
    multiline: true,
    lang: 'en',
  },
  {
    field: 'legalBasis',
    name: 'legalBasis',
    label: 'servicesAdmin.field.legalBasis',
    hint: 'servicesAdmin.field.legalBasisHint',
    required: true,
    multiline: true,
  },
  {
    field: 'source',
    name: 'source',
    label: 'servicesAdmin.field.source',
    hint: 'servicesAdmin.field.sourceHint',
  },
];

const TIME_LIMIT_INPUT: readonly TextSpec<Draft>[] = [
  {
    field: 'timeLimitDays',
    name: 'timeLimitDays',
    label: 'servicesAdmin.field.timeLimit',
    hint: 'servicesAdmin.field.timeLimitHint',
    required: true,
    numeric: true,
  },
];

export function IdentitySection({
  draft,
  set,
  mode,
}: {
  draft: Draft;
  set: (change: Partial<Draft>) => void;
  mode: 'create' | 'revise';
}) {
  const { t } = useTranslation();
  const session = useSession();
  const units = session.unitsWhere(MANAGE_STANDARDS);
  return (
    <fieldset className="svc-admin__group">
      <legend>{t('servicesAdmin.form.about')}</legend>
      {mode === 'create' ? (
        <>
          <TextInputs specs={CODE_INPUT} row={draft} base="" onChange={set} />
          <div className="field" data-pointer="/ownerUnitCode">
            <UnitPicker
              legend={t('servicesAdmin.field.owner')}
              hint={t('servicesAdmin.field.ownerHint')}
              value={draft.ownerUnitCode}
              onChange={(ownerUnitCode) => set({ ownerUnitCode })}
              allowNational={units.includes(null)}
              maxLevel={3}
              limitTo={units}
              required
            />
            <FieldProblem pointer="/ownerUnitCode" />
          </div>
        </>
      ) : (
        <p className="svc-admin__code">
          {t('servicesAdmin.field.code')}: <code className="code">{draft.code}</code>
        </p>
      )}
      <TextInputs specs={ABOUT_INPUTS} row={draft} base="" onChange={set} />
      <Select
        pointer="/providerTier"
        label={t('servicesAdmin.field.providerTier')}
        hint={mode === 'revise' ? t('servicesAdmin.field.providerTierHint') : undefined}
        value={draft.providerTier}
        onChange={(value) => set({ providerTier: value as ProviderTier | '' })}
        name="providerTier"
        required
        options={[
          { value: '', label: t('servicesAdmin.field.choose') },
          ...PROVIDER_TIERS.map((tier) => ({ value: tier, label: t(TIER_KEYS[tier] ?? tier) })),
        ]}
      />
      <TextInputs specs={TIME_LIMIT_INPUT} row={draft} base="" onChange={set} />
    </fieldset>
  );
}
