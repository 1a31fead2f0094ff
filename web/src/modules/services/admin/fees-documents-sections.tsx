/** The fee tiers and the documents to bring: rows that can be added and removed. */
import { useTranslation } from 'react-i18next';
import { emptyDocument, emptyFee, removeAt, update, type Draft } from './draft.ts';
import { RowButtons, Text } from './form-inputs.tsx';

interface SectionProps {
  draft: Draft;
  set: (change: Partial<Draft>) => void;
}

export function FeeTiersSection({ draft, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="svc-admin__group svc-admin__fees">
      <legend>{t('servicesAdmin.fees.title')}</legend>
      <p className="hint">{t('servicesAdmin.fees.hint')}</p>
      {draft.feeTiers.map((tier, i) => (
        <fieldset key={tier.key} className="svc-admin__row" data-row="fee" data-index={i}>
          <legend>{t('servicesAdmin.fees.row', { n: i + 1 })}</legend>
          <Text
            pointer={`/feeTiers/${i}/code`}
            label={t('servicesAdmin.fees.code')}
            value={tier.code}
            onChange={(code) => set({ feeTiers: update(draft.feeTiers, i, { code }) })}
            required
            name="feeCode"
            lang="en"
          />
          <Text
            pointer={`/feeTiers/${i}/labelKm`}
            label={t('servicesAdmin.fees.labelKm')}
            value={tier.labelKm}
            onChange={(labelKm) => set({ feeTiers: update(draft.feeTiers, i, { labelKm }) })}
            required
            name="feeLabelKm"
            lang="km"
          />
          <Text
            pointer={`/feeTiers/${i}/labelEn`}
            label={t('servicesAdmin.fees.labelEn')}
            value={tier.labelEn}
            onChange={(labelEn) => set({ feeTiers: update(draft.feeTiers, i, { labelEn }) })}
            required
            name="feeLabelEn"
            lang="en"
          />
          <Text
            pointer={`/feeTiers/${i}/amountRiel`}
            label={t('servicesAdmin.fees.amount')}
            hint={t('servicesAdmin.fees.amountHint')}
            value={tier.amount}
            onChange={(amount) => set({ feeTiers: update(draft.feeTiers, i, { amount }) })}
            required
            numeric
            name="feeAmount"
          />
          <RowButtons
            label={t('servicesAdmin.fees.row', { n: i + 1 })}
            onRemove={
              draft.feeTiers.length > 1 ? () => set({ feeTiers: removeAt(draft.feeTiers, i) }) : undefined
            }
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary svc-admin__add"
        data-add="fee"
        onClick={() => set({ feeTiers: [...draft.feeTiers, emptyFee()] })}
      >
        {t('servicesAdmin.fees.add')}
      </button>
    </fieldset>
  );
}

export function DocumentsSection({ draft, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="svc-admin__group svc-admin__documents">
      <legend>{t('servicesAdmin.documents.title')}</legend>
      {draft.requiredDocuments.length === 0 ? (
        <p className="hint">{t('servicesAdmin.documents.none')}</p>
      ) : null}
      {draft.requiredDocuments.map((doc, i) => (
        <fieldset key={doc.key} className="svc-admin__row" data-row="document" data-index={i}>
          <legend>{t('servicesAdmin.documents.row', { n: i + 1 })}</legend>
          <Text
            pointer={`/requiredDocuments/${i}/nameKm`}
            label={t('servicesAdmin.documents.nameKm')}
            value={doc.nameKm}
            onChange={(nameKm) => set({ requiredDocuments: update(draft.requiredDocuments, i, { nameKm }) })}
            required
            name="documentNameKm"
            lang="km"
          />
          <Text
            pointer={`/requiredDocuments/${i}/nameEn`}
            label={t('servicesAdmin.documents.nameEn')}
            value={doc.nameEn}
            onChange={(nameEn) => set({ requiredDocuments: update(draft.requiredDocuments, i, { nameEn }) })}
            required
            name="documentNameEn"
            lang="en"
          />
          <RowButtons
            label={t('servicesAdmin.documents.row', { n: i + 1 })}
            onRemove={() => set({ requiredDocuments: removeAt(draft.requiredDocuments, i) })}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary svc-admin__add"
        data-add="document"
        onClick={() => set({ requiredDocuments: [...draft.requiredDocuments, emptyDocument()] })}
      >
        {t('servicesAdmin.documents.add')}
      </button>
    </fieldset>
  );
}
