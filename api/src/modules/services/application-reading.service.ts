/** Reading applications: the public tracking view, one application, the officers' list, the citizen's own. */
import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/auth/access-control.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import type { selectApplicationList } from './applications.queries.ts';
import {
  findApplication,
  findFee,
  selectApplicationPage,
  selectApplicationsOf,
  selectEvents,
} from './applications.queries.ts';
import type {
  Application,
  ApplicationListQuery,
  ApplicationSummary,
  MyApplicationsQuery,
  PublicTracking,
} from './applications.schemas.ts';
import {
  applicationNotFound,
  isOverdue,
  mayOpen,
  toApplication,
  trackingNumberOf,
} from './application-views.ts';
import type { ServicesContext } from './context.ts';
import { findVersionById } from './standards.queries.ts';

/** The public view by tracking number: status and history, no personal data, no notes. */
export async function trackApplication(ctx: ServicesContext, typed: string): Promise<PublicTracking> {
  const { db } = ctx;
  const row = await findApplication(db, trackingNumberOf(typed));
  if (!row) throw applicationNotFound();
  const [version, events, fee] = await Promise.all([
    findVersionById(db, row.standard_version_id),
    selectEvents(db, row.id),
    findFee(db, row.id),
  ]);
  return {
    trackingNumber: row.tracking_number,
    serviceCode: row.service_code,
    serviceNameKm: version?.name_km ?? '',
    serviceNameEn: version?.name_en ?? '',
    unitCode: row.unit_code,
    status: row.status,
    filedOn: row.filed_on,
    dueDate: row.due_date,
    isOverdue: isOverdue(row, ctx.today()),
    decidedOn: row.decided_on,
    closedOn: row.closed_on,
    feePaid: fee !== undefined,
    rated: row.rating !== null,
    history: events.map((event) => ({
      status: event.to_status,
      occurredAt: event.occurred_at,
      dueDate: event.due_date,
    })),
  };
}

export async function getApplication(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
): Promise<Application> {
  const row = await findApplication(ctx.db, trackingNumberOf(typed));
  if (!row) throw applicationNotFound();
  if (!(await mayOpen(ctx, actor, row)))
    throw forbidden('Only the applicant and the officers of the office may open it.');
  return toApplication(ctx, row);
}

const SORT_COLUMNS: Record<string, string> = {
  filedAt: 'a.filed_at',
  dueDate: 'a.due_date',
  status: 'a.status',
  trackingNumber: 'a.tracking_number',
};

type ListRow = Awaited<ReturnType<ReturnType<typeof selectApplicationList>['execute']>>[number];

function toSummary(row: ListRow, today: string): ApplicationSummary {
  return {
    trackingNumber: row.tracking_number,
    serviceCode: row.service_code,
    serviceNameKm: row.name_km,
    serviceNameEn: row.name_en,
    unitCode: row.unit_code,
    status: row.status,
    channel: row.channel,
    applicantName: row.applicant_name,
    applicantSex: row.applicant_sex,
    applicantPhone: row.applicant_phone,
    filedOn: row.filed_on,
    dueDate: row.due_date,
    decidedOn: row.decided_on,
    isOverdue: isOverdue(row, today),
    feePaid: row.fee_paid,
    isExample: row.is_example,
  };
}

/** Applications of the units in the caller's scope ('all' for a national caller), filtered and paged. */
export async function listApplications(
  ctx: ServicesContext,
  scope: 'all' | string[],
  query: ApplicationListQuery,
): Promise<PageResult<ApplicationSummary>> {
  const today = ctx.today();
  const { subtreeCodesQuery } = ctx.ports.gazetteer;
  const select = selectApplicationPage(ctx.db, {
    ...query,
    today,
    inScope: scope === 'all' ? undefined : subtreeCodesQuery(ctx.db, scope),
    inUnit: query.unitCode === undefined ? undefined : subtreeCodesQuery(ctx.db, [query.unitCode]),
  });
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'a.id',
  });
  return { ...page, items: page.items.map((row) => toSummary(row, today)) };
}

/** The signed-in citizen's own applications. */
export async function myApplications(
  ctx: ServicesContext,
  userId: number,
  query: MyApplicationsQuery,
): Promise<PageResult<ApplicationSummary>> {
  const today = ctx.today();
  const page = await fetchPage(selectApplicationsOf(ctx.db, userId), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'a.id',
  });
  return { ...page, items: page.items.map((row) => toSummary(row, today)) };
}
