/** The shapes of the operations routes (validation, types and OpenAPI in one place). */
import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery } from '../../platform/http/paging.ts';

export const FailedJob = Type.Object({
  id: Type.String({ format: 'uuid', description: "The queue's id of the job." }),
  name: Type.String({ description: 'The job, `<module>.<job>`.' }),
  payload: Type.Unknown({ description: 'What the job was given.' }),
  error: Type.Union([Type.String(), Type.Null()], { description: "The last attempt's error." }),
  attempts: Type.Integer({ description: 'Attempts made, the first one included.' }),
  createdAt: Type.String({ format: 'date-time' }),
  failedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type FailedJob = Static<typeof FailedJob>;

export const FailedJobsQuery = PageQuery;
export const FailedJobsPage = Page(FailedJob);

export const JobIdParams = Type.Object({
  id: Type.String({ format: 'uuid', description: "The queue's id of the job." }),
});

export const RetriedJob = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  state: Type.Literal('retry', { description: 'Back in the queue: a worker takes it within seconds.' }),
});
