/**
 * audit: the HTTP face of the audit trail kept by platform/audit (every module writes to it
 * in its own transactions, through `ctx.audit`; this module only reads it). Its table,
 * `audit_record`, is the platform's (created by the platform's migrations).
 */
import { defineModule, type NoTables } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditJobs } from './chain-check.job.ts';

export const auditModule = defineModule<NoTables>({
  name: 'audit',
  tags: [{ name: 'audit', description: 'The hash-chained audit trail.' }],
  tables: [],
  permissions: [
    {
      code: 'audit.record.read',
      descriptionEn: 'Read the history of records in scope',
      descriptionKm: 'មើលប្រវត្តិនៃកំណត់ត្រាក្នុងដែនសមត្ថកិច្ច',
    },
    {
      code: 'audit.chain.verify',
      descriptionEn: 'Verify the integrity of the whole audit trail',
      descriptionKm: 'ផ្ទៀងផ្ទាត់ភាពត្រឹមត្រូវនៃកំណត់ហេតុសវនកម្មទាំងមូល',
    },
  ],
  grants: {
    national_officer: ['audit.record.read'],
    provincial_officer: ['audit.record.read'],
    district_officer: ['audit.record.read'],
    council_member: ['audit.record.read'],
    auditor: ['audit.record.read', 'audit.chain.verify'],
  },
  routes: auditRoutes,
  // The nightly verification of the chain (chain-check.job.ts).
  jobs: auditJobs,
});
