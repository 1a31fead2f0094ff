/** The standard's identity: code and owner (new standards), names, sector, legal basis, tier, time limit. */
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../../components/unit-picker.tsx';
import { useSession } from '../../../lib/session.ts';
import { TIER_KEYS } from '../labels.ts';
import { MANAGE_STANDARDS } from './api.ts';
import { PROVIDER_TIERS, type Draft, type ProviderTier } from './draft.ts';
import { FieldProblem, Select, Text } from './form-inputs.tsx';

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
          <Text
            pointer="/code"
            label={t('servicesAdmin.field.code')}
            hint={t('servicesAdmin.field.codeHint')}
            value={draft.code}
            onChange={(code) => set({ code })}
            required
            name="code"
            lang="en"
          />
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
      <Text
        pointer="/nameKm"
        label={t('servicesAdmin.field.nameKm')}
        value={draft.nameKm}
        onChange={(nameKm) => set({ nameKm })}
        required
        name="nameKm"
        lang="km"
      />
      <Text
        pointer="/nameEn"
        label={t('servicesAdmin.field.nameEn')}
        value={draft.nameEn}
        onChange={(nameEn) => set({ nameEn })}
        required
        name="nameEn"
        lang="en"
      />
      <Text
        pointer="/sector"
        label={t('servicesAdmin.field.sector')}
        hint={t('servicesAdmin.field.sectorHint')}
        value={draft.sector}
        onChange={(sector) => set({ sector })}
        required
        name="sector"
        lang="en"
      />
      <Text
        pointer="/descriptionKm"
        label={t('servicesAdmin.field.descriptionKm')}
        value={draft.descriptionKm}
        onChange={(descriptionKm) => set({ descriptionKm })}
        multiline
        name="descriptionKm"
        lang="km"
      />
      <Text
        pointer="/descriptionEn"
        label={t('servicesAdmin.field.descriptionEn')}
        value={draft.descriptionEn}
        onChange={(descriptionEn) => set({ descriptionEn })}
        multiline
        name="descriptionEn"
        lang="en"
      />
      <Text
        pointer="/legalBasis"
        label={t('servicesAdmin.field.legalBasis')}
        hint={t('servicesAdmin.field.legalBasisHint')}
        value={draft.legalBasis}
        onChange={(legalBasis) => set({ legalBasis })}
        required
        multiline
        name="legalBasis"
      />
      <Text
        pointer="/source"
        label={t('servicesAdmin.field.source')}
        hint={t('servicesAdmin.field.sourceHint')}
        value={draft.source}
        onChange={(source) => set({ source })}
        name="source"
      />
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
      <Text
        pointer="/timeLimitDays"
        label={t('servicesAdmin.field.timeLimit')}
        hint={t('servicesAdmin.field.timeLimitHint')}
        value={draft.timeLimitDays}
        onChange={(timeLimitDays) => set({ timeLimitDays })}
        required
        numeric
        name="timeLimitDays"
      />
    </fieldset>
  );
}
