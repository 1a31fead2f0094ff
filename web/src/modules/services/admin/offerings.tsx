/**
 * Where a standard is offered: each offering's unit, first and last day and state, a way to
 * end one (its last day, today by default), and a form to offer the standard at a unit of its
 * tier from a day. Offerings are never deleted: ending keeps the record.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { UnitName } from '../../../components/unit-name.tsx';
import { UnitPicker, type UnitChoice } from '../../../components/unit-picker.tsx';
import { todayInPhnomPenh } from '../../../lib/format.ts';
import { useSession } from '../../../lib/session.ts';
import { useFormat } from '../../../lib/use-format.ts';
import type { Standard } from '../api.ts';
import { DateInput } from '../../../components/date-input.tsx';
import { DateField } from '../../../components/fields.tsx';
import { MANAGE_STANDARDS, useAddOffering, useUpdateOffering, type Offering } from './api.ts';
import { mayEnd, offeringState, TIER_LEVEL, type OfferingState } from './draft.ts';

const STATE_KEYS: Record<OfferingState, string> = {
  current: 'servicesAdmin.offerings.state.current',
  future: 'servicesAdmin.offerings.state.future',
  ended: 'servicesAdmin.offerings.state.ended',
};

export function Offerings({ standard }: { standard: Standard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayInPhnomPenh();
  const offerings = [...standard.offerings].sort(
    (a, b) => a.unitCode.localeCompare(b.unitCode) || a.validFrom.localeCompare(b.validFrom),
  );
  return (
    <section className="svc-admin__offerings" aria-labelledby="offerings-title">
      <h2 id="offerings-title">{t('servicesAdmin.offerings.title')}</h2>
      {offerings.length === 0 ? (
        <p className="notice">{t('servicesAdmin.offerings.none')}</p>
      ) : (
        <DataTable
          className="svc-table"
          label={t('servicesAdmin.offerings.title')}
          caption={t('servicesAdmin.offerings.title')}
          captionHidden
          columns={[
            {
              key: 'unit',
              label: t('servicesAdmin.offerings.unit'),
              rowHeader: true,
              cell: (offering) => (
                <>
                  <UnitName code={offering.unitCode} withPath={false} />{' '}
                  <span className="muted code">{format.digits(offering.unitCode)}</span>
                </>
              ),
            },
            {
              key: 'from',
              label: t('servicesAdmin.offerings.from'),
              cell: (offering) => format.date(offering.validFrom),
            },
            {
              key: 'to',
              label: t('servicesAdmin.offerings.to'),
              cellData: (offering) => ({ 'data-to': offering.validTo ?? '' }),
              cell: (offering) =>
                offering.validTo ? format.date(offering.validTo) : t('servicesAdmin.offerings.open'),
            },
            {
              key: 'state',
              label: t('servicesAdmin.offerings.state'),
              cell: (offering) => t(STATE_KEYS[offeringState(offering, today)]),
            },
            {
              key: 'action',
              label: t('servicesAdmin.offerings.action'),
              cell: (offering) =>
                mayEnd(offering, today) ? <EndOffering offering={offering} today={today} /> : null,
            },
          ]}
          items={offerings}
          rowKey={(offering) => String(offering.id)}
          rowData={(offering) => ({
            'data-offering': offering.id,
            'data-unit': offering.unitCode,
            'data-state': offeringState(offering, today),
          })}
        />
      )}
      <AddOffering standard={standard} today={today} />
    </section>
  );
}

function EndOffering({ offering, today }: { offering: Offering; today: string }) {
  const { t } = useTranslation();
  const id = useId();
  const end = useUpdateOffering();
  // An offering that has not started yet ends at the earliest on its first day.
  const [lastDay, setLastDay] = useState(offering.validFrom > today ? offering.validFrom : today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (lastDay) end.mutate({ id: offering.id, body: { validTo: lastDay } });
  };
  return (
    <form className="svc-admin__end" onSubmit={submit} data-offering={offering.id}>
      <label htmlFor={`${id}-to`}>{t('servicesAdmin.offerings.lastDay')}</label>
      <DateInput
        id={`${id}-to`}
        name="validTo"
        min={offering.validFrom}
        value={lastDay}
        required
        onValue={setLastDay}
      />
      <button type="submit" className="button button--secondary button--small" disabled={end.isPending}>
        {t('servicesAdmin.offerings.end')}
      </button>
      {end.isError ? <ErrorMessage error={end.error} /> : null}
    </form>
  );
}

function AddOffering({ standard, today }: { standard: Standard; today: string }) {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  const add = useAddOffering(standard.code);
  const level = TIER_LEVEL[standard.providerTier];
  const [unit, setUnit] = useState<UnitChoice>(undefined);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState('');
  const [missing, setMissing] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const unitCode = typeof unit === 'string' && unit.length === level * 2 ? unit : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = unitCode === '' || from === '';
    setMissing(incomplete);
    setAdded(null);
    if (incomplete) return;
    add.mutate(
      { unitCode, validFrom: from, ...(to ? { validTo: to } : {}) },
      {
        onSuccess: () => {
          setAdded(unitCode);
          setUnit(undefined);
          setTo('');
        },
      },
    );
  };

  return (
    <form
      className="form svc-admin__add-offering"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('servicesAdmin.offerings.add')}</h3>
      <p className="hint">{t(`servicesAdmin.offerings.addHint.${standard.providerTier}`)}</p>
      <UnitPicker
        legend={t('servicesAdmin.offerings.unit')}
        value={unit}
        onChange={setUnit}
        maxLevel={level}
        limitTo={session.unitsWhere(MANAGE_STANDARDS)}
        required
      />
      <div className="svc-admin__dates">
        <DateField
          label={t('servicesAdmin.offerings.from')}
          name="validFrom"
          value={from}
          required
          onValue={setFrom}
        />
        <div className="field">
          <label htmlFor={`${id}-to`}>
            {t('servicesAdmin.offerings.to')}{' '}
            <span className="muted">{t('servicesAdmin.field.optional')}</span>
          </label>
          <DateInput id={`${id}-to`} name="validTo" min={from || undefined} value={to} onValue={setTo} />
        </div>
      </div>
      {missing ? (
        <div className="error-message" role="alert">
          <p>{t('servicesAdmin.offerings.missing')}</p>
        </div>
      ) : add.isError ? (
        <ErrorMessage error={add.error} />
      ) : added ? (
        <p className="success-message" role="status" data-added={added}>
          {t('servicesAdmin.offerings.added')}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={add.isPending}>
        {t('servicesAdmin.offerings.addButton')}
      </button>
    </form>
  );
}
