/**
 * Officers at the counter: file an application for someone who came in person. Name, sex, age
 * group, disability and phone (no e-mail), the standard's form fields, files; then the number,
 * big, to write on the person's slip.
 */
import './i18n.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitPicker, type UnitChoice } from '../../components/unit-picker.tsx';
import { useSession } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import {
  FILE_APPLICATIONS,
  uploadAll,
  useFileAtCounter,
  useStandards,
  type Application,
  type Standard,
} from './api.ts';
import { MAX_DESCRIPTION_LENGTH } from './apply-page.tsx';
import { OfficeLinks } from './applications-page.tsx';
import { FilePicker } from './file-picker.tsx';
import { emptyFormState, prepareValues, type FieldProblem, type FormState } from './form-rules.ts';
import { FeeAndTimeLimit, serviceName, TrackingNumberBox } from './parts.tsx';
import { disabilityValue, EMPTY_PERSON, PersonFields, type PersonState } from './person-fields.tsx';
import { ServiceFields } from './service-fields.tsx';
import { Loading } from '../../components/query-states.tsx';
import { SelectField, TextAreaField } from '../../components/fields.tsx';
import './services.css';

export function CounterPage() {
  return (
    <RequireSession permission={FILE_APPLICATIONS}>
      <Counter />
    </RequireSession>
  );
}

function Counter() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('services.counter.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const scope = session.unitsWhere(FILE_APPLICATIONS);
  const first = scope[0];
  // Someone who files at one office only need not choose it.
  const only = scope.length === 1 && typeof first === 'string' ? first : '';
  const unit = params.get('unit') ?? only;
  const serviceCode = params.get('service') ?? '';
  const offered = useStandards({ unitCode: unit, page: 1, pageSize: 500, sort: 'nameEn' }, unit !== '');
  const standard = offered.data?.items.find((item) => item.code === serviceCode);
  const [filed, setFiled] = useState<Application | null>(null);

  const choose = (next: { unit?: string; service?: string }) => {
    const search: Record<string, string> = {};
    const nextUnit = next.unit ?? unit;
    if (nextUnit) search.unit = nextUnit;
    const nextService = next.unit !== undefined ? '' : (next.service ?? serviceCode);
    if (nextService) search.service = nextService;
    setFiled(null);
    setParams(search);
  };

  return (
    <section className="page svc-page page--narrow" aria-labelledby="counter-title">
      <h1 id="counter-title">{t('services.counter.title')}</h1>
      <OfficeLinks />
      <p>{t('services.counter.intro')}</p>
      {filed ? (
        <div className="svc-filed" data-number={filed.trackingNumber}>
          <p className="success-message">
            {t('services.counter.done', { name: filed.applicant.name ?? '' })}
          </p>
          <TrackingNumberBox number={filed.trackingNumber} hint={t('services.number.writeOnSlip')} />
          <ul className="chips page-links">
            <li>
              <Link to={`/applications/${filed.trackingNumber}`}>{t('services.apply.open')}</Link>
            </li>
            <li>
              <button type="button" className="button button--secondary" onClick={() => setFiled(null)}>
                {t('services.counter.another')}
              </button>
            </li>
          </ul>
        </div>
      ) : (
        <>
          <UnitPicker
            legend={t('services.apply.office')}
            value={unit || undefined}
            maxLevel={3}
            limitTo={scope}
            required
            onChange={(choice: UnitChoice) => choose({ unit: choice ?? '' })}
          />
          {unit === '' ? null : offered.isPending ? (
            <Loading />
          ) : offered.isError ? (
            <ErrorMessage error={offered.error} onRetry={() => void offered.refetch()} />
          ) : offered.data.items.length === 0 ? (
            <p className="notice">{t('services.counter.noneHere')}</p>
          ) : (
            <SelectField
              label={t('services.service')}
              name="service"
              value={serviceCode}
              onChange={(event) => choose({ service: event.target.value })}
            >
              <option value="">{t('services.form.choose')}</option>
              {offered.data.items.map((item) => (
                <option key={item.code} value={item.code}>
                  {serviceName(item, format.lang)}
                </option>
              ))}
            </SelectField>
          )}
          {standard ? (
            <CounterForm
              key={`${unit}-${standard.code}`}
              unit={unit}
              standard={standard}
              onFiled={setFiled}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

interface CounterFormProps {
  unit: string;
  standard: Standard;
  onFiled: (application: Application) => void;
}

function CounterForm({ unit, standard, onFiled }: CounterFormProps) {
  const { t } = useTranslation();
  const file = useFileAtCounter();
  const [person, setPerson] = useState<PersonState>(EMPTY_PERSON);
  const [state, setState] = useState<FormState>(() => emptyFormState(standard.formFields));
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [nameMissing, setNameMissing] = useState(false);
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepareValues(standard.formFields, state);
    setProblems(prepared.problems);
    const noName = person.name.trim() === '';
    setNameMissing(noName);
    if (noName || Object.keys(prepared.problems).length > 0) return;
    file.mutate(
      {
        serviceCode: standard.code,
        unitCode: unit,
        values: prepared.values,
        ...(description.trim() ? { description: description.trim() } : {}),
        applicant: {
          name: person.name.trim(),
          sex: person.sex,
          ageGroup: person.ageGroup,
          disability: disabilityValue(person),
          phone: person.phone.trim() || null,
        },
      },
      {
        // The files go once the number exists; a refused file does not undo the application.
        onSuccess: (application) => void afterFiling(application),
      },
    );
  };

  const afterFiling = async (application: Application) => {
    if (files.length > 0) {
      setUploading(true);
      try {
        await uploadAll(application.trackingNumber, files);
      } catch (error) {
        setUploadError(error);
        setUploading(false);
        return;
      }
      setUploading(false);
    }
    onFiled(application);
  };

  const hasProblems = nameMissing || Object.keys(problems).length > 0;
  return (
    <form className="form svc-counter-form" onSubmit={submit} noValidate>
      <FeeAndTimeLimit standard={standard} />
      {hasProblems ? (
        <div className="error-message" role="alert">
          <p>{t('services.form.fix')}</p>
        </div>
      ) : file.isError ? (
        <ErrorMessage error={file.error} />
      ) : uploadError && file.data ? (
        <>
          <ErrorMessage error={uploadError} />
          <p>
            {t('services.files.addLater')}{' '}
            <Link to={`/applications/${file.data.trackingNumber}`}>{t('services.apply.open')}</Link>
          </p>
        </>
      ) : null}
      <PersonFields
        legend={t('services.counter.person')}
        value={person}
        onChange={setPerson}
        nameRequired
        nameMissing={nameMissing}
      />
      <ServiceFields
        fields={standard.formFields}
        state={state}
        problems={problems}
        onChange={(code, value) => setState((before) => ({ ...before, [code]: value }))}
      />
      <TextAreaField
        label={t('services.apply.description')}
        name="description"
        rows={3}
        maxLength={MAX_DESCRIPTION_LENGTH}
        value={description}
        onValue={setDescription}
      />
      <FilePicker files={files} onChange={setFiles} />
      <button type="submit" className="button" disabled={file.isPending || uploading || file.isSuccess}>
        {uploading ? t('services.files.sending') : t('services.counter.submit')}
      </button>
    </form>
  );
}
