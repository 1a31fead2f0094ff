import type { PermissionDefinition } from '../../platform/module.ts';

/**
 * Reading the framework (components, outcomes, indicators, data elements, data sets) is public:
 * it is a published program. Figures are entered by units in scope and read, rolled up, by
 * whoever holds the read permission at the unit asked about (or above).
 */
export const RESULTS_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'results.value.enter',
    descriptionEn: 'Enter the figures of data sets for units in scope (data entry forms, imports)',
    descriptionKm: 'បញ្ចូលតួលេខនៃសំណុំទិន្នន័យសម្រាប់អង្គភាពក្នុងដែនសមត្ថកិច្ច (ទម្រង់បញ្ចូលទិន្នន័យ ការនាំចូល)',
  },
  {
    code: 'results.analytics.read',
    descriptionEn: 'Read indicators’ figures rolled up over units in scope, by period and breakdown',
    descriptionKm: 'អានតួលេខសូចនាករដែលបានសរុបតាមអង្គភាពក្នុងដែនសមត្ថកិច្ច តាមកំឡុងពេល និងការបំបែក',
  },
  {
    code: 'results.data.approve',
    descriptionEn:
      'Approve, return, lock and un-approve the figures of units below one’s own (the level above approves)',
    descriptionKm: 'អនុម័ត បញ្ជូនត្រឡប់ ចាក់សោ និងដកការអនុម័តតួលេខរបស់អង្គភាពនៅក្រោមអង្គភាពខ្លួន (ថ្នាក់លើអនុម័ត)',
  },
];
