/** TypeBox schemas of the dashboard routes. */
import { Type } from '@sinclair/typebox';

const Month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'YYYY-MM', examples: ['2026-01'] });

export const DashboardQuery = Type.Object({
  unit: Type.Optional(
    Type.String({
      pattern: '^([0-9]{2}){1,4}$',
      description:
        'A unit code: that unit and everything below it. Absent: the whole country (national callers only).',
    }),
  ),
  from: Type.Optional(
    Type.String({ ...Month, description: 'First month (YYYY-MM); default: 11 months before `to`.' }),
  ),
  to: Type.Optional(
    Type.String({ ...Month, description: 'Last month (YYYY-MM), inclusive; default: this month.' }),
  ),
});

const Rate = Type.Union([Type.Number(), Type.Null()]);

const figureFields = {
  received: Type.Integer({ description: 'Applications filed in the period (by filing day).' }),
  completed: Type.Integer({
    description: 'Applications approved or rejected in the period (by decision day).',
  }),
  onTime: Type.Integer({ description: 'Of those completed, decided on or before their due date.' }),
  onTimeRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'onTime / completed; null when none.',
  }),
  medianDays: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Median working days from filing to decision of those completed (the days the clock stood still ' +
      'waiting for the applicant not counted); a half when the count is even; null when none.',
  }),
  overdueNow: Type.Integer({
    description:
      'Of those filed in the period, how many are overdue today (received or under review, past due).',
  }),
  feesRiel: Type.Number({ description: 'Fees paid in the period (by day paid), riel.' }),
  feePayments: Type.Integer(),
  satisfaction: Type.Object({
    count: Type.Integer({ description: 'Ratings given in the period (by day rated, in Cambodia).' }),
    mean: Rate,
    distribution: Type.Array(Type.Integer(), {
      minItems: 5,
      maxItems: 5,
      description: 'Ratings of 1 … 5 stars.',
    }),
  }),
};

export const Figures = Type.Object(figureFields);

export const DashboardRow = Type.Object({
  key: Type.String({
    description: 'Service code, YYYY-MM, female|male|unknown, an age group, yes|no|unknown.',
  }),
  labelKm: Type.String(),
  labelEn: Type.String(),
  ...figureFields,
});

export const Dashboard = Type.Object({
  unitCode: Type.Union([Type.String(), Type.Null()], { description: 'null: the whole country.' }),
  from: Type.String(),
  to: Type.String(),
  today: Type.String({ description: 'The day (Cambodia) on which "overdue now" was counted.' }),
  total: Figures,
  byService: Type.Array(DashboardRow),
  byMonth: Type.Array(DashboardRow),
  bySex: Type.Array(DashboardRow),
  byAgeGroup: Type.Array(DashboardRow),
  byDisability: Type.Array(DashboardRow),
});
