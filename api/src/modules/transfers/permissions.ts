import type { PermissionDefinition } from '../../platform/module.ts';

/**
 * Reading programs, formulas, figures and published allocations is public (NP-2 wants
 * transfers transparent); computing and deciding them is national work.
 */
export const TRANSFERS_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'transfers.formula.manage',
    descriptionEn: 'Define transfer programs and their formulas per fiscal year (national)',
    descriptionKm: 'កំណត់កម្មវិធីផ្ទេរថវិកា និងរូបមន្តរបស់វាតាមឆ្នាំសារពើពន្ធ (ថ្នាក់ជាតិ)',
  },
  {
    code: 'transfers.indicator.manage',
    descriptionEn:
      'Enter and import the yearly figures of units that formulas share by (population, poor households, …)',
    descriptionKm: 'បញ្ចូល និងនាំចូលតួលេខប្រចាំឆ្នាំនៃអង្គភាពដែលរូបមន្តប្រើសម្រាប់បែងចែក (ប្រជាជន គ្រួសារក្រីក្រ …)',
  },
  {
    code: 'transfers.allocation.compute',
    descriptionEn: 'Compute draft allocations and scenarios, and prepare corrections (national)',
    descriptionKm: 'គណនាការបែងចែកព្រាង និងសេណារីយ៉ូ ហើយរៀបចំការកែតម្រូវ (ថ្នាក់ជាតិ)',
  },
  {
    code: 'transfers.allocation.approve',
    descriptionEn: 'Approve and publish allocations computed by someone else (national)',
    descriptionKm: 'អនុម័ត និងផ្សព្វផ្សាយការបែងចែកដែលគណនាដោយអ្នកផ្សេង (ថ្នាក់ជាតិ)',
  },
];
