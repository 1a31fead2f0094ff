/** The operations module's permissions (national_admin holds every permission). */
import type { PermissionDefinition } from '../../platform/module.ts';

export const OPERATIONS_PERMISSIONS: readonly PermissionDefinition[] = [
  {
    code: 'operations.jobs.manage',
    descriptionEn: 'See the background jobs that failed and run them again',
    descriptionKm: 'មើលការងារផ្ទៃខាងក្រោយដែលបរាជ័យ និងដំណើរការវាម្តងទៀត',
  },
];
