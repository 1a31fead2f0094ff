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
];

export interface RoleDefinition {
  code: string;
  nameKm: string;
  nameEn: string;
  descriptionEn: string;
  /** 'root': national only; a level: only at units of that level; 'any': anywhere. */
  assignableAt: 'root' | 'any' | '1' | '2' | '3';
  /** '*' means every permission any module defines. */
  permissions: readonly string[] | '*';
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
    permissions: [
      'access.user.read',
      'audit.record.read',
      'gazetteer.unit.manage',
      'gazetteer.import.run',
      'councils.organ.manage',
      'councils.function.manage',
      'budgets.line.manage',
      'budgets.council_decision.record',
      'budgets.actual.record',
      'budgets.open_data.import',
      'transfers.formula.manage',
      'transfers.indicator.manage',
      'transfers.allocation.compute',
      'transfers.allocation.approve',
      'services.standard.manage',
      'services.calendar.manage',
      'services.application.process',
      'services.complaint.handle',
      'services.outbox.read',
      'services.dashboard.read',
    ],
  },
  {
    code: 'provincial_officer',
    nameKm: 'មន្ត្រីរាជធានី-ខេត្ត',
    nameEn: 'Provincial officer',
    descriptionEn: 'Capital or provincial hall: the whole subtree of the province, including its accounts.',
    assignableAt: '1',
    permissions: [
      'access.user.read',
      'access.user.manage',
      'access.assignment.manage',
      'audit.record.read',
      'gazetteer.unit.manage',
      'councils.organ.manage',
      'budgets.line.manage',
      'budgets.council_decision.record',
      'budgets.actual.record',
      'transfers.indicator.manage',
      'services.standard.manage',
      'services.application.file',
      'services.application.process',
      'services.complaint.handle',
      'services.outbox.read',
      'services.dashboard.read',
    ],
  },
  {
    code: 'district_officer',
    nameKm: 'មន្ត្រីក្រុង-ស្រុក-ខណ្ឌ',
    nameEn: 'District officer',
    descriptionEn: 'Municipality, district or khan staff, including One Window Service Office officers.',
    assignableAt: '2',
    permissions: [
      'access.user.read',
      'audit.record.read',
      'gazetteer.unit.manage',
      'councils.organ.manage',
      'budgets.line.manage',
      'budgets.council_decision.record',
      'budgets.actual.record',
      'services.application.file',
      'services.application.process',
      'services.complaint.handle',
      'services.outbox.read',
      'services.dashboard.read',
    ],
  },
  {
    code: 'commune_clerk',
    nameKm: 'ស្មៀនឃុំ-សង្កាត់',
    nameEn: 'Commune clerk',
    descriptionEn: 'Keeps the data of one commune or sangkat.',
    assignableAt: '3',
    permissions: [
      'access.user.read',
      'gazetteer.unit.manage',
      'councils.organ.manage',
      'budgets.line.manage',
      'budgets.council_decision.record',
      'budgets.actual.record',
      'services.application.file',
      'services.application.process',
      'services.outbox.read',
      'services.dashboard.read',
    ],
  },
  {
    code: 'council_member',
    nameKm: 'សមាជិកក្រុមប្រឹក្សា',
    nameEn: 'Council member',
    descriptionEn: 'Reviews and approves; follows the history of the council’s unit.',
    assignableAt: 'any',
    permissions: ['audit.record.read', 'services.dashboard.read'],
  },
  {
    code: 'auditor',
    nameKm: 'សវនករ',
    nameEn: 'Auditor',
    descriptionEn:
      'Reads everything in scope and changes nothing; a national auditor verifies the audit trail.',
    assignableAt: 'any',
    permissions: ['access.user.read', 'audit.record.read', 'audit.chain.verify', 'services.dashboard.read'],
  },
  {
    code: 'citizen',
    nameKm: 'ប្រជាពលរដ្ឋ',
    nameEn: 'Citizen',
    descriptionEn: 'A member of the public with an account: their own applications and complaints.',
    assignableAt: 'root',
    permissions: [],
  },
];
