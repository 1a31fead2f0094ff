/**
 * audit: the HTTP face of the audit trail kept by platform/audit (every module writes to it
 * in its own transactions; this module only reads it).
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: auditRoutes,
};
