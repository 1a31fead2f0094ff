/**
 * The permissions this module defines and the built-in roles, as data. Roles and their
 * permission sets are written to the database at every start (so a new release can extend a
 * built-in role), and a permission is named `module.resource.action`.
 */
import type { PermissionDefinition } from '../../platform/module.ts';

export const ACCESS_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'access.user.read',
    descriptionEn: 'See the user accounts of the units in scope',
    descriptionKm: 'មើលគណនីអ្នកប្រើប្រាស់នៃអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
  {
    code: 'access.user.manage',
    descriptionEn: 'Create, change, disable user accounts and reset their passwords',
    descriptionKm: 'បង្កើត កែប្រែ បិទគណនី និងកំណត់ពាក្យសម្ងាត់ឡើងវិញ',
  },
  {
    code: 'access.assignment.manage',
    descriptionEn: 'Give and withdraw roles at units in scope',
    descriptionKm: 'ផ្ដល់ និងដកតួនាទីនៅអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
];

export interface RoleDefinition {
  code: string;
  nameKm: string;
  nameEn: string;
  descriptionEn: string;
  /** 'root': national only; a level: only at units of that level; 'any': anywhere. */
  assignableAt: 'root' | 'any' | '1' | '2' | '3';
  /**
   * '*' (every permission any module defines) for the national administrator; for the other
   * roles, which permissions they hold is said by each module's manifest (`grants`).
   */
  permissions?: '*';
}

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    code: 'national_admin',
    nameKm: 'អ្នកគ្រប់គ្រងប្រព័ន្ធថ្នាក់ជាតិ',
    nameEn: 'National administrator',
    descriptionEn: 'Manages accounts and roles everywhere; holds every permission.',
    assignableAt: 'root',
    permissions: '*',
  },
  {
    code: 'national_officer',
    nameKm: 'មន្ត្រីថ្នាក់ជាតិ',
    nameEn: 'National officer',
    descriptionEn: 'NCDD secretariat or ministry officer: works on the whole country.',
    assignableAt: 'root',
  },
  {
    code: 'provincial_officer',
    nameKm: 'មន្ត្រីរាជធានី-ខេត្ត',
    nameEn: 'Provincial officer',
    descriptionEn: 'Capital or provincial hall: the whole subtree of the province, including its accounts.',
    assignableAt: '1',
  },
  {
    code: 'district_officer',
    nameKm: 'មន្ត្រីក្រុង-ស្រុក-ខណ្ឌ',
    nameEn: 'District officer',
    descriptionEn: 'Municipality, district or khan staff, including One Window Service Office officers.',
    assignableAt: '2',
  },
  {
    code: 'commune_clerk',
    nameKm: 'ស្មៀនឃុំ-សង្កាត់',
    nameEn: 'Commune clerk',
    descriptionEn: 'Keeps the data of one commune or sangkat.',
    assignableAt: '3',
  },
  {
    code: 'council_member',
    nameKm: 'សមាជិកក្រុមប្រឹក្សា',
    nameEn: 'Council member',
    descriptionEn: 'Reviews and approves; follows the history of the council’s unit.',
    assignableAt: 'any',
  },
  {
    code: 'auditor',
    nameKm: 'សវនករ',
    nameEn: 'Auditor',
    descriptionEn:
      'Reads everything in scope and changes nothing; a national auditor verifies the audit trail.',
    assignableAt: 'any',
  },
  {
    code: 'citizen',
    nameKm: 'ប្រជាពលរដ្ឋ',
    nameEn: 'Citizen',
    descriptionEn: 'A member of the public with an account: their own applications and complaints.',
    assignableAt: 'root',
  },
];
