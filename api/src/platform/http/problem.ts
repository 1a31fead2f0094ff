/**
 * Every error leaves the API as RFC 9457 problem+json with a stable `code` that clients
 * translate (the web app keeps a Khmer and an English message per code) and a plain English
 * `title`. Never a stack trace, never a driver's message on a 5xx.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem.' }),
    title: Type.String({ description: 'A short English sentence for people.' }),
    status: Type.Integer(),
    code: Type.String({
      description: 'Stable, dotted error code (`gazetteer.unit.not_found`): clients translate it.',
    }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'JSON pointer to the bad value.' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'Problem', title: 'Problem' },
);
export type Problem = Static<typeof ProblemSchema>;

/** Throw this from services for any expected failure; the code is part of the API contract. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly detail?: string,
    /** The values that were wrong, each with a pointer (a formula's fields, the rows of a file). */
    readonly errors?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string, detail?: string): AppError =>
  new AppError(404, code, message, detail);

export function problem(status: number, code: string, title: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:sndd:problem:${code}`, title, status, code, ...extra };
}

// Fastify's own errors, mapped to our codes. Anything not listed with a 4xx status keeps a
// generic client-error code; anything 5xx becomes the generic internal error.
const FASTIFY_CODES: Record<string, { code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'http.body.malformed_json',
    title: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'http.body.empty_json',
    title: 'The request body is empty but its content type says JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'http.content_type.unsupported',
    title: 'This content type is not accepted here.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'http.body.bad_length',
    title: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'http.body.too_large', title: 'The request body is too large.' },
  FST_ERR_VALIDATION: { code: 'http.request.invalid', title: 'The request has invalid values.' },
  FST_ERR_BAD_URL: { code: 'http.url.invalid', title: 'The URL is not valid.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'http.url.invalid', title: 'The URL is not valid.' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'http.request.invalid', title: 'The request cannot be routed.' },
};

// Errors of the database driver that mean "the database is not reachable right now": the
// answer is 503 so that load balancers and clients retry, not 500.
const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

function isDatabaseDown(error: unknown): boolean {
  const err = error as { code?: string; message?: string };
  if (err.code && DATABASE_DOWN_CODES.has(err.code)) return true;
  const message = err.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

function validationErrors(error: FastifyError): Problem['errors'] {
  return (error.validation ?? []).map((item) => ({
    path: `${error.validationContext ? `/${error.validationContext}` : ''}${item.instancePath}`,
    message: item.message ?? 'is invalid',
  }));
}

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url.split('?')[0], requestId: request.id };
  if (error instanceof AppError) {
    return problem(error.statusCode, error.code, error.message, {
      ...base,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return problem(400, 'http.request.invalid', 'The request has invalid values.', {
      ...base,
      errors: validationErrors(fastifyError),
    });
  }
  if (isDatabaseDown(error)) {
    return problem(
      503,
      'platform.database.unavailable',
      'The database cannot be reached right now. Try again in a moment.',
      base,
    );
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return problem(status, known.code, known.title, base);
    if (error instanceof SyntaxError) {
      return problem(400, 'http.body.malformed_json', 'The request body is not valid JSON.', base);
    }
    if (status === 408) return problem(408, 'http.request.timeout', 'The request took too long.', base);
    return problem(status, 'http.request.rejected', 'The request was rejected.', base);
  }
  if (status === 503) {
    return problem(
      503,
      'platform.unavailable',
      'The service is not available right now. Try again in a moment.',
      base,
    );
  }
  return problem(
    500,
    'platform.internal_error',
    'Something went wrong on our side. The error has been logged.',
    base,
  );
}

export async function sendProblem(reply: FastifyReply, body: Problem): Promise<FastifyReply> {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code }, 'request refused');
    return sendProblem(reply, body);
  });
}
