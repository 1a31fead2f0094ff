/**
 * hr: the people of each SNA (NP-2 component 3, issue #18), first slice. The establishment
 * (positions per unit and organ with category, grade, level, function served, state and funding
 * source; the approved establishment per unit type and year), staff records (persons,
 * employment with the commune contract-assistant rule checked against the council's size
 * through the councils port, assignments to positions with their history, moves between SNAs)
 * and the women-in-leadership roll-up against a yearly target. Each SNA's HR officer keeps its
 * own; a role at a unit covers its subtree. Personal details are shown only to HR managers in
 * scope, and every such read is audited.
 */
import { defineModule } from '../../platform/module.ts';
import { seedHrDemo } from './demo-seed.ts';
import { HR_ERRORS } from './hr.errors.ts';
import { hrRoutes } from './hr.routes.ts';
import type { HrTables } from './hr.tables.ts';
import { HR_PERMISSIONS } from './permissions.ts';

export type { HrTables } from './hr.tables.ts';
export type { HrContext } from './hr.context.ts';
/** The roll-up and the establishment page, for the benchmark. */
export { leadershipRollUp } from './leadership.service.ts';
export { listPositions } from './positions.service.ts';

const OFFICER = ['hr.staff.view', 'hr.establishment.manage', 'hr.staff.manage'] as const;

export const hrModule = defineModule<HrTables, 'gazetteer' | 'authenticator' | 'councilSeats'>({
  name: 'hr',
  tags: [
    {
      name: 'hr',
      description: 'The establishment of each SNA, its staff and their assignments, women in leadership.',
    },
  ],
  tables: [
    'hr_category',
    'hr_grade',
    'hr_position',
    'hr_establishment',
    'hr_person',
    'hr_employment',
    'hr_assignment',
    'hr_leadership_target',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: HR_ERRORS,
  permissions: HR_PERMISSIONS,
  grants: {
    national_officer: [...OFFICER, 'hr.establishment.approve', 'hr.target.manage'],
    provincial_officer: OFFICER,
    district_officer: OFFICER,
    commune_clerk: OFFICER,
    auditor: ['hr.staff.view'],
  },
  // councilSeats: a council's size (the contract-assistant rule), council members by sex.
  requires: ['gazetteer', 'authenticator', 'councilSeats'],
  routes: (ctx) => hrRoutes(ctx),
  // After councils' seed (module order in modules.ts): the sangkat's council decides its contract assistants.
  seedDemo: seedHrDemo,
});
