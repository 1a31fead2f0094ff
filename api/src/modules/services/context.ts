/**
 * What the services' functions need besides their arguments: the platform's module context
 * (the database, transactions, today, audit, access, the gazetteer and authenticator ports)
 * and what the services module adds to it: the working-day calendar, the notification
 * channel, the attachment store and the filing queue. It is made once, from the context the
 * platform hands to the manifest's `routes` (or `seedDemo`), by createServicesContext
 * (filing-queue.ts). Who acts is the platform's Actor (platform/actor.ts).
 */
import type { ModuleContext } from '../../platform/context.ts';
import type { GroupCommit } from '../../platform/db/group-commit.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { CheckedFiling, WrittenFiling } from './filing.types.ts';
import type { AttachmentStore } from './attachments.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import type { NotificationChannel } from './notifications.ts';
import type { ServicesTables } from './services.tables.ts';

/** The ports the services module requires (its manifests' `requires`). */
export type ServicesPorts = PortsOf<'gazetteer' | 'authenticator' | 'notifications'>;

/** The platform's context of the services module (and of its Open311 part), as the manifest receives it. */
export type ServicesModuleContext = ModuleContext<ServicesTables, ServicesPorts>;

export interface ServicesContext extends ServicesModuleContext {
  calendar: HolidayCalendar;
  channel: NotificationChannel;
  attachments: AttachmentStore;
  /** Writes checked filings in batches (filing-queue.ts: createServicesContext makes it). */
  filings: GroupCommit<CheckedFiling, WrittenFiling>;
}

export const FILE_APPLICATIONS = 'services.application.file';
export const PROCESS_APPLICATIONS = 'services.application.process';
export const HANDLE_COMPLAINTS = 'services.complaint.handle';
export const MANAGE_STANDARDS = 'services.standard.manage';
export const MANAGE_CALENDAR = 'services.calendar.manage';
export const READ_OUTBOX = 'services.outbox.read';
