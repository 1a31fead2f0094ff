/**
 * services: public service delivery (NP-2 component 5). The catalogue of service standards
 * (fees, time limits, documents, form fields) and where each is offered; the working-day
 * calendar; applications from the counter or online, tracked by a number to a decision;
 * complaints handled by the district's ombudsman office; notifications through a channel.
 * Other modules (Open311, dashboard, budgets, web pages) use it only through what this file
 * exports. See README.md.
 */
import type { FastifyPluginAsync } from 'fastify';
import { defineModule, type ModuleManifest } from '../../platform/module.ts';
import type { OwnSourceRevenueSource } from '../budgets/index.ts';
import { applicationRoutes } from './applications.routes.ts';
import { attachmentStoreFromEnv, type AttachmentStore } from './attachments.ts';
import { calendarFor } from './calendar.service.ts';
import { complaintRoutes } from './complaints.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { DASHBOARD_PERMISSIONS } from './dashboard/permissions.ts';
import type { ServicesModuleContext } from './context.ts';
import { seedServicesDemo } from './demo-seed.ts';
import { createServicesContext } from './filing-queue.ts';
import type { NotificationChannel } from './notifications.ts';
import { SERVICES_PERMISSIONS } from './permissions.ts';
import { SERVICES_ERRORS } from './services.errors.ts';
import type { DashboardTables } from './dashboard/dashboard.tables.ts';
import { standardRoutes } from './standards.routes.ts';
import { feesCollected } from './applications.service.ts';
import { overdueJobs, type OverdueContext } from './overdue.job.ts';
import type { OverdueTables } from './overdue.tables.ts';

export type * from './services.tables.ts';
export type { ServicesContext, ServicesModuleContext } from './context.ts';
export { createServicesContext } from './filing-queue.ts';
// Pure pieces.
export { addWorkingDays, workingDaysBetween } from './working-days.ts';
export { checkFormFields, validateFieldValues, FIELD_DATATYPES } from './form-fields.ts';
export type { FormField, FieldValues, FieldValueOption } from './form-fields.ts';
export { newTrackingNumber, parseTrackingNumber, formatTrackingNumber } from './tracking-number.ts';
export { checkApplicant, applicantFromAccount, normalisePhone } from './applicants.ts';
// Services (what the Open311 API, the dashboard and the budgets module call).
export { HolidayCalendar, calendarFor, calendarYear } from './calendar.service.ts';
export { getStandard, listStandards } from './standards.service.ts';
export { findOfferedVersion, findStandardVersion, selectCurrentStandards } from './standards.queries.ts';
export {
  changeStatus,
  feesCollected,
  fileApplication,
  getApplication,
  isOverdue,
  listApplications,
  NEXT_STATUSES,
  trackApplication,
  unitOfApplication,
} from './applications.service.ts';
export type { FilingInput } from './applications.service.ts';
export { overdueSql } from './applications.queries.ts';
export { rebuildDashboard } from './dashboard/dashboard.maintain.ts';
export { fileComplaint, trackComplaint, handlingUnitOf } from './complaints.service.ts';
// Plug points.
export { channelThrough } from './notifications.ts';
export type { NotificationChannel, NotificationMessage } from './notifications.ts';
export { LocalFolderStore, attachmentStoreFromEnv } from './attachments.ts';
export type { AttachmentStore } from './attachments.ts';

export interface ServicesModuleOptions {
  /** Where messages go; by default the notifications module's outbox (written in the change's transaction, delivered after commit). */
  notificationChannel?: NotificationChannel;
  /** Where attachments go; by default as the environment says (attachmentStoreFromEnv: a folder, or S3 with ATTACHMENTS_STORE=s3). */
  attachmentStore?: AttachmentStore;
}

/**
 * The module, with its plug points filled. modules.ts lists `servicesModule` (the defaults); a
 * deployment with a real SMS gateway or object storage lists `createServicesModule({...})`
 * there instead, and nothing in this folder changes.
 */
export function createServicesModule(options: ServicesModuleOptions = {}): ModuleManifest<DashboardTables> {
  // The services context is made once, from the module context the platform hands over.
  const routes = (moduleCtx: ServicesModuleContext): FastifyPluginAsync => {
    const ctx = createServicesContext(moduleCtx, {
      calendar: calendarFor(moduleCtx.db),
      channel: options.notificationChannel,
      attachments: options.attachmentStore ?? attachmentStoreFromEnv(),
    });
    return async (app) => {
      await app.register(standardRoutes(ctx));
      await app.register(applicationRoutes(ctx));
      await app.register(complaintRoutes(ctx));
      await app.register(dashboardRoutes(ctx));
    };
  };
  return defineModule<DashboardTables & OverdueTables, 'gazetteer' | 'authenticator' | 'notifications'>({
    name: 'services',
    tags: [
      {
        name: 'services',
        description:
          'Public services: standards, the working-day calendar, applications, complaints, the office dashboard.',
      },
    ],
    tables: [
      'services_standard',
      'services_standard_version',
      'services_offering',
      'services_holiday',
      'services_application',
      'services_application_event',
      'services_fee_payment',
      'services_attachment',
      'services_complaint',
      'services_complaint_event',
      'services_phone_check_throttle',
      'services_dashboard_month',
      'services_dashboard_open',
      'services_overdue_flag',
    ],
    migrations: new URL('./migrations/', import.meta.url),
    errors: SERVICES_ERRORS,
    permissions: [...SERVICES_PERMISSIONS, ...DASHBOARD_PERMISSIONS],
    grants: {
      national_officer: [
        'services.standard.manage',
        'services.calendar.manage',
        'services.application.process',
        'services.complaint.handle',
        'services.outbox.read',
        'services.dashboard.read',
      ],
      provincial_officer: [
        'services.standard.manage',
        'services.application.file',
        'services.application.process',
        'services.complaint.handle',
        'services.outbox.read',
        'services.dashboard.read',
      ],
      district_officer: [
        'services.application.file',
        'services.application.process',
        'services.complaint.handle',
        'services.outbox.read',
        'services.dashboard.read',
      ],
      commune_clerk: [
        'services.application.file',
        'services.application.process',
        'services.outbox.read',
        'services.dashboard.read',
      ],
      council_member: ['services.dashboard.read'],
      auditor: ['services.dashboard.read'],
    },
    requires: ['gazetteer', 'authenticator', 'notifications'],
    provides: (ctx) => ({ ownSourceRevenue: serviceFees(ctx as unknown as ServicesModuleContext) }),
    routes: (ctx) => routes(ctx as unknown as ServicesModuleContext),
    // Runs after the gazetteer's seed: offerings sit at Kep's units.
    seedDemo: (ctx) => seedServicesDemo(ctx as unknown as ServicesModuleContext),
    // The daily flag of applications that went overdue (overdue.job.ts).
    jobs: (ctx) => overdueJobs(ctx as unknown as OverdueContext),
  });
}

/** The fees services collected, as own-source revenue of the budgets' reports. */
function serviceFees(ctx: ServicesModuleContext): OwnSourceRevenueSource {
  return {
    name: 'services.fees',
    feesCollected: async (db, unitCode, year) =>
      (await feesCollected(ctx.bind(db), unitCode, year)).totalRiel,
  };
}

export const servicesModule = createServicesModule();
