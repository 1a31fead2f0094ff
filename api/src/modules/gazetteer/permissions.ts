import type { PermissionDefinition } from '../../platform/module.ts';

/** Reading the tree is public; changing it is not. */
export const GAZETTEER_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'gazetteer.unit.manage',
    descriptionEn: 'Edit the profile of units in scope (names, notes, urban or rural)',
    descriptionKm: 'កែប្រែព័ត៌មានអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
  {
    code: 'gazetteer.import.run',
    descriptionEn: 'Import the official gazetteer and boundaries (national)',
    descriptionKm: 'នាំចូលបញ្ជីឈ្មោះរដ្ឋបាលផ្លូវការ និងព្រំដែន (ថ្នាក់ជាតិ)',
  },
];
