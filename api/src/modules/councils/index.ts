/**
 * councils: the organs of each SNA (councils and their members, boards of governors,
 * committees, offices) and the register of functions each type of SNA or unit holds.
 * Reading is public; members' personal details (birth year, disability, indigenous identity)
 * are shown only to those who manage the organ, and to everyone else only as aggregates.
 */
import { defineModule } from '../../platform/module.ts';
import { councilRoutes } from './councils.routes.ts';
import type { CouncilsTables } from './councils.tables.ts';
import { COUNCILS_ERRORS } from './councils.errors.ts';
import { seedCouncilsDemo } from './demo-seed.ts';
import { COUNCILS_PERMISSIONS } from './permissions.ts';
import { councilDecisionsPort, type CouncilDecisionsPort } from './decisions.service.ts';
import { councilMembersBySex, councilSize } from './seats.queries.ts';

export type { CouncilsTables } from './councils.tables.ts';
export type {
  CouncilDecisionRef,
  CouncilDecisionsPort,
  DecisionCheck,
  DecisionMismatch,
  DecisionRequirement,
} from './decisions.service.ts';

/** The kind of decision that approves a budget (councils_decision_kind). */
export const APPROVE_BUDGET = 'approve_budget';

/** The seats of councils, as other modules count them (hr: contract assistants, women in leadership). */
export interface CouncilSeatsPort {
  /** Members of the unit's council in office on a day; null when the unit has no council on record. */
  councilSize: typeof councilSize;
  /** Council members in office on a day by sex, within the units a subquery selects. */
  councilMembersBySex: typeof councilMembersBySex;
}

declare module '../../platform/ports.ts' {
  interface PortRegistry {
    /** Council seats: a council's size on a day, members by sex within units. */
    councilSeats: CouncilSeatsPort;
    /**
     * The decisions of organs, for the approvals that point at one (a budget's approval):
     * `decisionOf(db, id)` and `isPassedDecisionOf(db, unitCode, id, kind)`.
     */
    councilDecisions: CouncilDecisionsPort;
  }
}

export const councilsModule = defineModule<CouncilsTables, 'gazetteer' | 'authenticator' | 'notifications'>({
  name: 'councils',
  tags: [
    {
      name: 'councils',
      description: 'Councils, boards, committees, offices and the register of functions.',
    },
  ],
  tables: [
    'councils_organ',
    'councils_member',
    'councils_function',
    'councils_quorum_rule',
    'councils_decision_kind',
    'councils_meeting',
    'councils_agenda_item',
    'councils_attendance',
    'councils_decision',
    'councils_vote',
    'councils_minutes',
    'councils_request',
    'councils_request_throttle',
    'councils_forum',
    'councils_forum_question',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: COUNCILS_ERRORS,
  permissions: COUNCILS_PERMISSIONS,
  grants: {
    national_officer: ['councils.organ.manage', 'councils.function.manage', 'councils.meeting.manage'],
    provincial_officer: ['councils.organ.manage', 'councils.meeting.manage'],
    district_officer: ['councils.organ.manage', 'councils.meeting.manage'],
    commune_clerk: ['councils.organ.manage', 'councils.meeting.manage'],
  },
  // notifications: a meeting's invitations (invitations.service.ts).
  requires: ['gazetteer', 'authenticator', 'notifications'],
  provides: () => ({
    councilDecisions: councilDecisionsPort,
    councilSeats: { councilSize, councilMembersBySex },
  }),
  routes: (ctx) => councilRoutes(ctx),
  // Runs after the gazetteer's and the access module's seeds (module order in modules.ts).
  seedDemo: seedCouncilsDemo,
});
