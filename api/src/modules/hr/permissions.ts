import type { PermissionDefinition } from '../../platform/module.ts';

/**
 * Each SNA's HR officer keeps its own establishment and staff; a role at a unit covers its
 * subtree, so the province sees its districts and communes and the nation sees all.
 */
export const HR_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'hr.staff.view',
    descriptionEn: 'See the establishment and the staff (names, positions, history) of units in scope',
    descriptionKm: 'មើលក្របខណ្ឌ និងបុគ្គលិក (ឈ្មោះ មុខតំណែង ប្រវត្តិ) នៃអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
  {
    code: 'hr.establishment.manage',
    descriptionEn: 'Create and change the positions and the approved establishment of units in scope',
    descriptionKm: 'បង្កើត និងកែប្រែមុខតំណែង និងក្របខណ្ឌដែលបានអនុម័តនៃអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
  {
    code: 'hr.establishment.approve',
    descriptionEn: 'Set the approved establishment of each type of unit per year',
    descriptionKm: 'កំណត់ក្របខណ្ឌដែលបានអនុម័តនៃប្រភេទអង្គភាពនីមួយៗប្រចាំឆ្នាំ',
  },
  {
    code: 'hr.staff.manage',
    descriptionEn:
      'Record staff, their employment and assignments, move them between units in scope; see their personal details (each read recorded)',
    descriptionKm:
      'កត់ត្រាបុគ្គលិក ការងារ និងការចាត់តាំងរបស់ពួកគេ ផ្ទេររវាងអង្គភាពក្នុងដែនសមត្ថកិច្ច និងមើលព័ត៌មានផ្ទាល់ខ្លួន (ការមើលនីមួយៗត្រូវបានកត់ត្រា)',
  },
  {
    code: 'hr.target.manage',
    descriptionEn: 'Set the yearly target of women in leadership',
    descriptionKm: 'កំណត់គោលដៅប្រចាំឆ្នាំនៃស្ត្រីក្នុងតួនាទីដឹកនាំ',
  },
];
