/**
 * Every error the plans module answers: its HTTP status and a short English title. The web
 * shows its own Khmer and English text for each code (web/src/modules/plans/locales).
 */
import { defineErrors, failWith } from '../../platform/errors.ts';

export const PLANS_ERRORS = defineErrors({
  'plans.unit.not_sna': {
    status: 400,
    title: 'Plans and programs belong to a commune, district or province.',
  },
  'plans.unit.not_commune': { status: 400, title: 'Village needs are recorded by a commune or sangkat.' },
  'plans.sector.unknown': { status: 400, title: 'Not a sector of the development plan.' },
  'plans.fund_source.unknown': { status: 400, title: 'Not a fund source.' },
  'plans.plan.not_found': { status: 404, title: 'No such development plan.' },
  'plans.plan.duplicate': { status: 409, title: 'This unit already has a plan starting that year.' },
  'plans.plan.bad_years': { status: 400, title: 'A plan covers one to ten years, its last after its first.' },
  'plans.plan.year_outside': { status: 400, title: 'A target or step lies outside the plan’s years.' },
  'plans.plan.bad_transition': {
    status: 409,
    title: 'The plan cannot move to that status from its current one.',
  },
  'plans.plan.not_reviewed': { status: 409, title: 'Only a reviewed plan can be approved.' },
  'plans.plan.bad_step_dates': { status: 400, title: 'A calendar step ends before it starts.' },
  'plans.decision.not_found': { status: 400, title: 'No council decision has that id.' },
  'plans.decision.wrong_unit': { status: 400, title: 'The decision was taken for another unit.' },
  'plans.decision.wrong_organ': { status: 400, title: 'The decision was not taken by the council.' },
  'plans.decision.wrong_kind': { status: 400, title: 'The decision does not approve a plan or program.' },
  'plans.decision.not_passed': { status: 400, title: 'The decision did not pass.' },
  'plans.decision.after_approval': { status: 400, title: 'The decision is dated after the approval.' },
  'plans.decision.future_date': { status: 400, title: 'An approval cannot be dated in the future.' },
  'plans.need.not_found': { status: 404, title: 'No such need.' },
  'plans.need.village_outside': { status: 400, title: 'The village is not in this commune.' },
  'plans.need.no_attendees': { status: 400, title: 'A village meeting has at least one person attending.' },
  'plans.need.bad_group': { status: 400, title: 'Not a vulnerable group.' },
  'plans.need.future_meeting': { status: 400, title: 'A meeting that has not happened has no needs yet.' },
  'plans.need.in_priority': {
    status: 409,
    title: 'A priority merges this need: change the priority before deleting the need.',
  },
  'plans.priority.in_use': {
    status: 409,
    title: 'A project carries this priority: it cannot be deleted.',
  },
  'plans.priority.not_found': { status: 404, title: 'No such priority.' },
  'plans.priority.rank_taken': { status: 409, title: 'Another priority has this rank for that year.' },
  'plans.priority.need_outside': { status: 400, title: 'A need named is not one of this unit’s needs.' },
  'plans.priority.no_needs': { status: 400, title: 'A priority is traced to at least one village need.' },
  'plans.project.not_found': { status: 404, title: 'No such project.' },
  'plans.project.location_outside': {
    status: 403,
    title: 'A project’s places lie within its unit (and the unit within the caller’s scope).',
  },
  'plans.project.location_level': { status: 400, title: 'A project is located in villages or communes.' },
  'plans.project.no_location': { status: 400, title: 'A project has at least one place.' },
  'plans.project.split_mismatch': {
    status: 400,
    title: 'The fund-source amounts of a year do not add up to that year’s cost.',
  },
  'plans.project.negative_amount': { status: 400, title: 'Amounts are zero or more.' },
  'plans.project.year_outside': {
    status: 400,
    title: 'A project’s costs fall within the three years of its unit’s program.',
  },
  'plans.project.no_costs': { status: 400, title: 'A project has a cost for at least one year.' },
  'plans.project.duplicate_year': { status: 400, title: 'A year appears twice in the costs.' },
  'plans.project.marker_reason': { status: 400, title: 'A gender or climate marker needs its reason.' },
  'plans.project.priority_outside': { status: 400, title: 'The priority is not one of this unit’s.' },
  'plans.project.bad_kind': { status: 400, title: 'A project is infrastructure or a service.' },
  'plans.project.bad_marker': {
    status: 400,
    title: 'The climate marker is none, adaptation, mitigation or both.',
  },
  'plans.project.completed': { status: 409, title: 'A completed project cannot change status.' },
  'plans.project.bad_transition': {
    status: 409,
    title: 'The project cannot move to that status from its current one.',
  },
  'plans.project.locked': {
    status: 409,
    title: 'Only a proposed or committed project can be changed.',
  },
  'plans.project.not_deletable': {
    status: 409,
    title: 'Only a proposed or dropped project can be deleted.',
  },
  'plans.program.no_program': { status: 409, title: 'This unit has no investment program yet.' },
  'plans.program.stale_roll': {
    status: 409,
    title: 'The program no longer starts in that year: it was rolled already.',
  },
  'plans.program.already_approved': {
    status: 409,
    title: 'This program is already approved for these years.',
  },
});

export type PlansErrorCode = keyof typeof PLANS_ERRORS;
export const fail = failWith(PLANS_ERRORS);
