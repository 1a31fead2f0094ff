/**
 * plans: the sub-national planning cycle, first slice (#16 items 1-3). Development plans per
 * SNA and mandate (vision, goals and indicators by sector, yearly targets, the planning
 * calendar; approved with a council decision through the councils module's port), village
 * needs and the commune priorities traced to them, and the 3-year rolling investment program:
 * projects with cost by year and fund source, their status, the program's approval and its
 * yearly roll. A project's id is stable: the workshop, plan-to-budget and execution slices
 * will reference plans_project.id.
 */
import { defineModule } from '../../platform/module.ts';
import { seedPlansDemo } from './demo-seed.ts';
import { PLANS_ERRORS } from './plans.errors.ts';
import { plansRoutes } from './plans.routes.ts';
import type { PlansTables } from './plans.tables.ts';
import { PLANS_PERMISSIONS } from './permissions.ts';

export type { PlansTables } from './plans.tables.ts';
/** The national roll and roll-up, for the benchmark and a later command-line entry. */
export { rollNationalProgram, rollUp } from './program.service.ts';
export type { PlansContext } from './plans.context.ts';

export const plansModule = defineModule<PlansTables, 'gazetteer' | 'authenticator' | 'councilDecisions'>({
  name: 'plans',
  tags: [
    {
      name: 'plans',
      description: 'Development plans, village needs and priorities, the 3-year rolling investment program.',
    },
  ],
  tables: [
    'plans_sector',
    'plans_fund_source',
    'plans_plan',
    'plans_goal',
    'plans_indicator',
    'plans_indicator_target',
    'plans_calendar_step',
    'plans_need',
    'plans_priority',
    'plans_priority_need',
    'plans_program',
    'plans_program_roll',
    'plans_project',
    'plans_project_location',
    'plans_project_cost',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: PLANS_ERRORS,
  permissions: PLANS_PERMISSIONS,
  grants: {
    national_officer: ['plans.plan.manage', 'plans.program.manage'],
    provincial_officer: ['plans.plan.manage', 'plans.program.manage'],
    district_officer: ['plans.plan.manage', 'plans.program.manage'],
    commune_clerk: ['plans.plan.manage', 'plans.program.manage'],
  },
  // councilDecisions: a plan's or program's approval points at the council's decision.
  requires: ['gazetteer', 'authenticator', 'councilDecisions'],
  routes: (ctx) => plansRoutes(ctx),
  // After councils' seed (module order in modules.ts): its examples sit at Kep's sangkat 230201.
  seedDemo: seedPlansDemo,
});
