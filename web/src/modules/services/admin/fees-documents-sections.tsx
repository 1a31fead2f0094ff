/** The fee tiers and the documents to bring: rows that can be added and removed. */
import { useTranslation } from 'react-i18next';
import { emptyDocument, emptyFee, type DocumentRow, type Draft, type FeeRow } from './draft.ts';
import { EditableRows, type TextSpec } from './text-inputs.tsx';

interface SectionProps {
  draft: Draft;
  set: (change: Partial<Draft>) => void;
}

const FEE_INPUTS: readonly TextSpec<FeeRow>[] = [
  { field: 'code', name: 'feeCode', label: 'servicesAdmin.fees.code', required: true, lang: 'en' },
  { field: 'labelKm', name: 'feeLabelKm', label: 'servicesAdmin.fees.labelKm', required: true, lang: 'km' },
  { field: 'labelEn', name: 'feeLabelEn', label: 'servicesAdmin.fees.labelEn', required: true, lang: 'en' },
  {
    field: 'amount',
    pointer: 'amountRiel',
    name: 'feeAmount',
    label: 'servicesAdmin.fees.amount',
    hint: 'servicesAdmin.fees.amountHint',
    required: true,
    numeric: true,
  },
];

const DOCUMENT_INPUTS: readonly TextSpec<DocumentRow>[] = [
  {
    field: 'nameKm',
    name: 'documentNameKm',
    label: 'servicesAdmin.documents.nameKm',
    required: true,
    lang: 'km',
  },
  {
    field: 'nameEn',
    name: 'documentNameEn',
    label: 'servicesAdmin.documents.nameEn',
    required: true,
    lang: 'en',
  },
];

export function FeeTiersSection({ draft, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="svc-admin__group svc-admin__fees">
      <legend>{t('servicesAdmin.fees.title')}</legend>
      <p className="hint">{t('servicesAdmin.fees.hint')}</p>
      <EditableRows
        kind="fee"
        rows={draft.feeTiers}
        base="/feeTiers"
        specs={FEE_INPUTS}
        rowLabel={(i) => t('servicesAdmin.fees.row', { n: i + 1 })}
        minRows={1}
        onChange={(feeTiers) => set({ feeTiers })}
        make={emptyFee}
        addLabel={t('servicesAdmin.fees.add')}
      />
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
      <EditableRows
        kind="document"
        rows={draft.requiredDocuments}
        base="/requiredDocuments"
        specs={DOCUMENT_INPUTS}
        rowLabel={(i) => t('servicesAdmin.documents.row', { n: i + 1 })}
        onChange={(requiredDocuments) => set({ requiredDocuments })}
        make={emptyDocument}
        addLabel={t('servicesAdmin.documents.add')}
      />
    </fieldset>
  );
}
