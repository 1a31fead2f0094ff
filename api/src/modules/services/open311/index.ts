/**
 * open311: the Open311 GeoReport v2 API of the services module, mounted at /open311/v2 (the
 * path the standard's clients expect, outside /api). A second manifest of the services module:
 * it reads and files through the services module's functions. See README.md.
 */
import type { FastifyPluginAsync } from 'fastify';
import { defineModule, type ModuleManifest, type NoTables } from '../../../platform/module.ts';
import {
  createServicesContext,
  calendarFor,
  type AttachmentStore,
  type NotificationChannel,
  type ServicesModuleContext,
} from '../index.ts';
import { OPEN311_ERRORS } from './open311.errors.ts';
import { open311Routes } from './open311.routes.ts';

export const OPEN311_MOUNT_PATH = '/open311/v2';

/** Open311 files no attachments (media_url is stored as an address, never fetched): a store that refuses. */
const noAttachments: AttachmentStore = {
  put: () => Promise.reject(new Error('Open311 requests carry no files.')),
  get: () => Promise.resolve(null),
  delete: () => Promise.resolve(),
};

export interface Open311ModuleOptions {
  /** The same channel as the services module's (modules.ts passes both the same one). */
  notificationChannel?: NotificationChannel;
}

export function createOpen311Module(options: Open311ModuleOptions = {}): ModuleManifest<NoTables> {
  // The services context over this manifest's module context (same database, so the same
  // filing queue as the services routes: filing-queue.ts).
  const routes = (moduleCtx: ServicesModuleContext): FastifyPluginAsync => {
    const ctx = createServicesContext(moduleCtx, {
      // The services module's calendar: a holiday edited there moves these due dates at once.
      calendar: calendarFor(moduleCtx.db),
      channel: options.notificationChannel,
      attachments: noAttachments,
    });
    return async (app) => {
      await app.register(open311Routes(ctx));
    };
  };
  return defineModule<NoTables, 'gazetteer' | 'authenticator' | 'notifications'>({
    name: 'open311',
    tags: [{ name: 'open311', description: 'Open311 GeoReport v2: services and requests, JSON and XML.' }],
    // It reads and writes the services module's tables, through the services module's functions.
    tables: [],
    mountPath: OPEN311_MOUNT_PATH,
    errors: OPEN311_ERRORS,
    requires: ['gazetteer', 'authenticator', 'notifications'],
    routes: (ctx) => routes(ctx as unknown as ServicesModuleContext),
    // One index on services_application for its newest-first reads (after the services module's tables).
    migrations: new URL('./migrations/', import.meta.url),
  });
}

export const open311Module = createOpen311Module();
