/**
 * API failures carry a stable problem `code`; the UI translates `errors.<code>` from the
 * catalogues rather than showing the API's English title.
 */
export const UNKNOWN_ERROR_CODE = 'unknown';
export const NETWORK_ERROR_CODE = 'network';

export interface ProblemFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | undefined,
    readonly requestId?: string,
    /** The problem's `errors`: each value that was wrong, by JSON pointer (`/body/nameKm`). */
    readonly errors?: readonly ProblemFieldError[],
  ) {
    super(`API error ${code}`);
    this.name = 'ApiError';
  }
}

function problemCode(body: unknown): { code?: string; requestId?: string; errors?: ProblemFieldError[] } {
  if (typeof body !== 'object' || body === null) return {};
  const { code, requestId, errors } = body as { code?: unknown; requestId?: unknown; errors?: unknown };
  return {
    code: typeof code === 'string' && code !== '' ? code : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    errors: Array.isArray(errors)
      ? errors.filter(
          (item): item is ProblemFieldError =>
            typeof item === 'object' &&
            item !== null &&
            typeof (item as ProblemFieldError).path === 'string' &&
            typeof (item as ProblemFieldError).message === 'string',
        )
      : undefined,
  };
}

export function toApiError(body: unknown, response: Response | undefined): ApiError {
  const { code, requestId, errors } = problemCode(body);
  return new ApiError(code ?? UNKNOWN_ERROR_CODE, response?.status, requestId, errors);
}

/** fetch rejects (TypeError) when the server cannot be reached at all. */
export function normaliseError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError) return new ApiError(NETWORK_ERROR_CODE, undefined);
  return new ApiError(UNKNOWN_ERROR_CODE, undefined);
}

/** The catalogue key for an error, falling back to `errors.unknown` for codes the web does not know. */
export function errorMessageKey(error: unknown, exists: (key: string) => boolean): string {
  const key = `errors.${normaliseError(error).code}`;
  return exists(key) ? key : 'errors.unknown';
}
