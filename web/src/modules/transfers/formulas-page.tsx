/**
 * /transfers/formulas: every formula version, newest first, and for national staff the upload
 * of a new version (a .json formula document, checked by the API with its stable codes).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormat } from '../../lib/use-format.ts';
import { FormulaRejected, useFormulas, usePrograms, useUploadFormula } from './api.ts';
import { pickName, TransfersLinks, useTransfersStaff } from './common.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import './transfers.css';
import { pageParam, withPage } from '../../lib/page-param.ts';
import { InputField, TextAreaField } from '../../components/fields.tsx';

export function FormulasPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = useTransfersStaff();
  useDocumentTitle(t('transfers.formulas.title'));
  const [params, setParams] = useSearchParams();
  const page = pageParam(params);
  const programCode = params.get('program') ?? '';
  const formulas = useFormulas(page, programCode);
  const programs = usePrograms();
  const programName = (code: string) => {
    const program = programs.data?.find((item) => item.code === code);
    return program ? pickName(format.lang, program.nameKm, program.nameEn) : code;
  };

  return (
    <section className="page formulas-page" aria-labelledby="formulas-title">
      <h1 id="formulas-title">{t('transfers.formulas.title')}</h1>
      <p>{t('transfers.formulas.intro')}</p>
      <TransfersLinks />
      {programCode ? (
        <p className="notice">
          {t('transfers.formulas.ofProgram', { program: programName(programCode) })}{' '}
          <Link to="/transfers/formulas">{t('transfers.formulas.all')}</Link>
        </p>
      ) : null}
      <PagedTable
        className="formulas-table"
        label={t('transfers.formulas.title')}
        list={formulas}
        empty={t('transfers.formulas.empty')}
        caption={(total) => t('transfers.formulas.caption', { total })}
        headers={[
          t('transfers.field.year'),
          t('transfers.field.program'),
          t('transfers.field.version'),
          t('transfers.field.legalReference'),
        ]}
        row={(formula) => (
          <tr key={formula.id} data-id={formula.id}>
            <td>{format.digits(String(formula.fiscalYear))}</td>
            <th scope="row">
              <Link to={`/transfers/formulas/${formula.id}`}>{programName(formula.programCode)}</Link>{' '}
              {formula.isExample ? <ExampleBadge /> : null}
            </th>
            <td>{format.number(formula.version)}</td>
            <td>{formula.legalReference}</td>
          </tr>
        )}
        onPage={(p) => setParams(withPage(params, p))}
      />
      {staff.canManageFormulas ? <UploadFormula /> : null}
    </section>
  );
}

/** A .json formula document from disk → the next version of its program and year. */
export function UploadFormula() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [notJson, setNotJson] = useState(false);
  const upload = useUploadFormula();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setNotJson(false);
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setNotJson(true);
      return;
    }
    upload.mutate(
      { formula: document, ...(reason.trim() ? { correctionReason: reason.trim() } : {}) },
      { onSuccess: (created) => void navigate(`/transfers/formulas/${created.id}`) },
    );
  };

  return (
    <section className="transfers-section" aria-labelledby="formula-upload-title">
      <h2 id="formula-upload-title">{t('transfers.formulas.upload')}</h2>
      <form className="form formula-upload" onSubmit={(event) => void submit(event)}>
        <InputField
          label={t('transfers.formulas.file')}
          hint={t('transfers.formulas.fileHint')}
          name="file"
          type="file"
          accept=".json,application/json"
          required
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setNotJson(false);
            upload.reset();
          }}
        />
        <TextAreaField
          label={t('transfers.formulas.reason')}
          hint={t('transfers.formulas.reasonHint')}
          name="correctionReason"
          rows={2}
          maxLength={2000}
          value={reason}
          onValue={setReason}
        />
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          {t('transfers.formulas.uploadSubmit')}
        </button>
      </form>
      {notJson ? (
        <div className="error-message" role="alert">
          <p>{t('errors.transfers.formula.invalid')}</p>
        </div>
      ) : null}
      {upload.isError ? <ErrorMessage error={upload.error} /> : null}
      {upload.error instanceof FormulaRejected && upload.error.details.length > 0 ? (
        <ul className="formula-errors" aria-label={t('transfers.formulas.errors')}>
          {upload.error.details.map((detail, index) => (
            <li key={index}>
              <code className="command">{detail.path || '/'}</code> <span lang="en">{detail.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
