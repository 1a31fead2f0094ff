/**
 * /services/manage/new and /services/manage/:code (services.standard.manage): the same form
 * creates a standard (version 1) or writes its next version; applications keep the version
 * they were filed under. The edit page also shows the versions so far and where the standard
 * is offered, with a form to offer it at a unit and a button to end an offering.
 */
import './i18n.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { RequireSession } from '../../../components/require-session.tsx';
import { useSession } from '../../../lib/session.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { useStandard } from '../api.ts';
import {
  MANAGE_STANDARDS,
  useCreateStandard,
  useReviseStandard,
  useVersions,
  type VersionSummary,
} from './api.ts';
import { draftFromStandard, emptyDraft, mayRevise } from './draft.ts';
import { Offerings } from './offerings.tsx';
import { StandardForm } from './standard-form.tsx';
import { Loading } from '../../../components/query-states.tsx';
import '../services.css';
import './admin.css';

/** What the edit page says after a save: a new standard, or its new version. */
interface SavedState {
  saved?: 'created' | 'revised';
}

export function NewStandardPage() {
  return (
    <RequireSession permission={MANAGE_STANDARDS}>
      <NewStandard />
    </RequireSession>
  );
}

export function EditStandardPage() {
  return (
    <RequireSession permission={MANAGE_STANDARDS}>
      <EditStandard />
    </RequireSession>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/services/manage">{t('servicesAdmin.back')}</Link>
    </p>
  );
}

function NewStandard() {
  const { t } = useTranslation();
  useDocumentTitle(t('servicesAdmin.new.title'));
  const navigate = useNavigate();
  const session = useSession();
  const create = useCreateStandard();
  const units = session.unitsWhere(MANAGE_STANDARDS);
  // National officers start with the national catalogue; others with their own unit.
  const owner = units.includes(null) ? null : units.length === 1 ? units[0] : undefined;
  const [initial] = useState(() => emptyDraft(owner));
  return (
    <section className="page svc-page svc-admin" aria-labelledby="new-standard-title">
      <BackLink />
      <h1 id="new-standard-title">{t('servicesAdmin.new.title')}</h1>
      <p className="lead">{t('servicesAdmin.new.intro')}</p>
      <StandardForm
        mode="create"
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onCreate={(body) =>
          create.mutate(body, {
            onSuccess: (standard) =>
              void navigate(`/services/manage/${encodeURIComponent(standard.code)}`, {
                state: { saved: 'created' } satisfies SavedState,
              }),
          })
        }
      />
    </section>
  );
}

function EditStandard() {
  const { t } = useTranslation();
  const format = useFormat();
  const { code = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const standard = useStandard(code);
  const revise = useReviseStandard(code);
  const saved = (location.state as SavedState | null)?.saved;
  useDocumentTitle(
    standard.data
      ? format.lang === 'km'
        ? standard.data.nameKm
        : standard.data.nameEn
      : t('servicesAdmin.edit.title'),
  );

  if (standard.isPending) return <Loading />;
  if (standard.isError) {
    return (
      <section className="page svc-page svc-admin">
        <BackLink />
        <ErrorMessage error={standard.error} onRetry={() => void standard.refetch()} />
      </section>
    );
  }
  const current = standard.data;
  const canRevise = mayRevise(current.ownerUnitCode, session.unitsWhere(MANAGE_STANDARDS));
  return (
    <section
      className="page svc-page svc-admin svc-admin__edit"
      aria-labelledby="edit-standard-title"
      data-code={current.code}
      data-version={current.currentVersion}
    >
      <BackLink />
      <h1 id="edit-standard-title">{format.lang === 'km' ? current.nameKm : current.nameEn}</h1>
      <p className="svc-admin__facts">
        <code className="code">{current.code}</code>{' '}
        <span className="svc-admin__current" data-version={current.currentVersion}>
          {t('servicesAdmin.edit.currentVersion', { version: format.number(current.currentVersion) })}
        </span>{' '}
        <Link to={`/services/${encodeURIComponent(current.code)}`}>{t('servicesAdmin.edit.publicPage')}</Link>
      </p>
      {saved ? (
        <div className="success-message svc-admin__saved" role="status" data-saved={saved}>
          <p>
            {saved === 'created'
              ? t('servicesAdmin.saved.created')
              : t('servicesAdmin.saved.revised', {
                  version: format.number(current.currentVersion),
                  previous: format.number(current.currentVersion - 1),
                })}{' '}
            <Link to={`/services/${encodeURIComponent(current.code)}`}>{t('servicesAdmin.saved.see')}</Link>
          </p>
        </div>
      ) : null}

      <h2>{t('servicesAdmin.edit.formTitle')}</h2>
      {canRevise ? (
        <StandardForm
          // A new version starts a fresh form from what the API answered.
          key={current.currentVersion}
          mode="revise"
          initial={draftFromStandard(current)}
          currentVersion={current.currentVersion}
          pending={revise.isPending}
          error={revise.error}
          onRevise={(body) =>
            revise.mutate(body, {
              onSuccess: () => {
                void navigate('.', { replace: true, state: { saved: 'revised' } satisfies SavedState });
                window.scrollTo(0, 0);
              },
            })
          }
        />
      ) : (
        <p className="notice">{t('servicesAdmin.edit.notYours')}</p>
      )}

      <Offerings standard={current} />
      <Versions code={current.code} />
    </section>
  );
}

function Versions({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useVersions(code);
  return (
    <section className="svc-admin__versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('servicesAdmin.versions.title')}</h2>
      <p className="hint">{t('servicesAdmin.versions.hint')}</p>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <DataTable
          className="svc-table"
          label={t('servicesAdmin.versions.title')}
          caption={t('servicesAdmin.versions.title')}
          captionHidden
          columns={[
            {
              key: 'version',
              label: t('servicesAdmin.versions.version'),
              rowHeader: true,
              cell: (version: VersionSummary) => format.number(version.version),
            },
            {
              key: 'name',
              label: t('servicesAdmin.manage.name'),
              cell: (version) => (format.lang === 'km' ? version.nameKm : version.nameEn),
            },
            {
              key: 'timeLimit',
              label: t('servicesAdmin.manage.timeLimit'),
              cell: (version) =>
                t('servicesAdmin.versions.days', { days: format.number(version.timeLimitDays) }),
            },
            {
              key: 'createdAt',
              label: t('servicesAdmin.versions.createdAt'),
              cell: (version) => format.dateTime(version.createdAt),
            },
          ]}
          items={versions.data.items}
          rowKey={(version) => String(version.version)}
          rowData={(version) => ({ 'data-version': version.version })}
        />
      )}
    </section>
  );
}
