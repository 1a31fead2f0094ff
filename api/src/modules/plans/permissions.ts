import type { PermissionDefinition } from '../../platform/module.ts';

/** Plans, needs, priorities and programs are public documents; changing them is not public. */
export const PLANS_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'plans.plan.manage',
    descriptionEn:
      'Draft, review and (with the council’s decision) approve the development plans of units in scope',
    descriptionKm: 'រៀបចំ ពិនិត្យ និងអនុម័ត (តាមសេចក្ដីសម្រេចរបស់ក្រុមប្រឹក្សា) ផែនការអភិវឌ្ឍនៃអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
  {
    code: 'plans.program.manage',
    descriptionEn:
      'Record village needs and priorities, and keep the investment program of units in scope: projects, their status, rolling and approval',
    descriptionKm:
      'កត់ត្រាតម្រូវការភូមិ និងអាទិភាព និងគ្រប់គ្រងកម្មវិធីវិនិយោគនៃអង្គភាពក្នុងដែនសមត្ថកិច្ច៖ គម្រោង ស្ថានភាព ការរំកិល និងការអនុម័ត',
  },
];
