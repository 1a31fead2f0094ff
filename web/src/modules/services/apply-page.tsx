/**
 * Signed in: apply online for a service at an office that offers it. The standard's form
 * fields, a free description, files; then the tracking number, big, to write down.
 */
import './i18n.ts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { UnitName } from '../../components/unit-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { uploadAll, useFileOnline, useStandard, type Application, type Standard } from './api.ts';
import { FilePicker } from './file-picker.tsx';
import { emptyFormState, prepareValues, type FieldProblem, type FormState } from './form-rules.ts';
import { FeeAndTimeLimit, serviceName, TrackingNumberBox } from './parts.tsx';
import { ServiceFields } from './service-fields.tsx';
import { Loading } from '../../components/query-states.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import './services.css';

export const MAX_DESCRIPTION_LENGTH = 2000;

export function ApplyPage() {
  return (
    <RequireSession>
      <Apply />
    </RequireSession>
  );
}

function Apply() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const standard = useStandard(code);
  useDocumentTitle(t('services.apply.title'));
  if (standard.isPending) return <Loading />;
  if (standard.isError)
    return <ErrorMessage error={standard.error} onRetry={() => void standard.refetch()} />;
  return (
    <section className="page svc-page page--narrow" aria-labelledby="apply-title">
      <p>
        <Link to={`/services/${encodeURIComponent(code)}`}>{t('services.back.service')}</Link>
      </p>
      <h1 id="apply-title">{t('services.apply.title')}</h1>
      <p className="lead">{serviceName(standard.data, format.lang)}</p>
      <ApplyForm standard={standard.data} />
    </section>
  );
}

function ApplyForm({ standard }: { standard: Standard }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const offices = standard.offerings
    .filter((offering) => offering.isCurrent)
    .map((offering) => offering.unitCode);
  const asked = params.get('unit') ?? '';
  const [unit, setUnit] = useState(
    offices.includes(asked) ? asked : offices.length === 1 ? (offices[0] ?? '') : '',
  );
  const [state, setState] = useState<FormState>(() => emptyFormState(standard.formFields));
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [unitMissing, setUnitMissing] = useState(false);
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [filed, setFiled] = useState<Application | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const file = useFileOnline();

  if (filed) {
    return (
      <div className="svc-filed" data-number={filed.trackingNumber}>
        <p className="success-message">{t('services.apply.done')}</p>
        <TrackingNumberBox number={filed.trackingNumber} hint={t('services.number.writeDown')} />
        {uploadError ? (
          <>
            <ErrorMessage error={uploadError} />
            <p>{t('services.files.addLater')}</p>
          </>
        ) : null}
        <ul className="chips page-links">
          <li>
            <Link to={`/applications/${filed.trackingNumber}`}>{t('services.apply.open')}</Link>
          </li>
          <li>
            <Link to="/my/applications">{t('services.my.title')}</Link>
          </li>
        </ul>
      </div>
    );
  }

  if (offices.length === 0) return <p className="notice">{t('services.offices.none')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepareValues(standard.formFields, state);
    setProblems(prepared.problems);
    setUnitMissing(unit === '');
    if (unit === '' || Object.keys(prepared.problems).length > 0) return;
    file.mutate(
      {
        serviceCode: standard.code,
        unitCode: unit,
        values: prepared.values,
        ...(description.trim() ? { description: description.trim() } : {}),
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
      }
      setUploading(false);
    }
    setFiled(application);
  };

  const problemCount = Object.keys(problems).length + (unitMissing ? 1 : 0);
  return (
    <form className="form svc-apply-form" onSubmit={submit} noValidate>
      <FeeAndTimeLimit standard={standard} />
      {problemCount > 0 ? (
        <div className="error-message" role="alert">
          <p>{t('services.form.fix')}</p>
        </div>
      ) : file.isError ? (
        <ErrorMessage error={file.error} />
      ) : null}
      <OfficeChoice offices={offices} value={unit} onChange={setUnit} missing={unitMissing} />
      <ServiceFields
        fields={standard.formFields}
        state={state}
        problems={problems}
        onChange={(code, value) => setState((before) => ({ ...before, [code]: value }))}
      />
      <TextAreaField
        label={t('services.apply.description')}
        hint={t('services.apply.descriptionHint')}
        name="description"
        rows={4}
        maxLength={MAX_DESCRIPTION_LENGTH}
        value={description}
        onValue={setDescription}
      />
      <FilePicker files={files} onChange={setFiles} />
      <button type="submit" className="button" disabled={file.isPending || uploading}>
        {uploading ? t('services.files.sending') : t('services.apply.submit')}
      </button>
    </form>
  );
}

interface OfficeChoiceProps {
  offices: readonly string[];
  value: string;
  onChange: (unit: string) => void;
  missing: boolean;
}

/** The office where the application goes: one of those that offer the service today. */
export function OfficeChoice({ offices, value, onChange, missing }: OfficeChoiceProps) {
  const { t } = useTranslation();
  const id = useId();
  if (offices.length === 1 && offices[0] === value) {
    return (
      <p className="svc-office" data-unit={value}>
        <strong>{t('services.office')}:</strong> <UnitName code={value} />
      </p>
    );
  }
  return (
    <fieldset
      className="svc-choice"
      data-field="office"
      aria-describedby={missing ? `${id}-missing` : undefined}
    >
      <legend>{t('services.apply.office')}</legend>
      {missing ? (
        <p id={`${id}-missing`} className="field-error">
          {t('services.form.problem.missing')}
        </p>
      ) : null}
      {offices.map((unit) => (
        <label key={unit} className="svc-choice__option">
          <input
            type="radio"
            name="office"
            value={unit}
            checked={value === unit}
            onChange={() => onChange(unit)}
          />
          <UnitName code={unit} />
        </label>
      ))}
    </fieldset>
  );
}
