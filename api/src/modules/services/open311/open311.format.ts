/**
 * How Open311 answers are written: the same value as JSON or as XML (the format is the URL's
 * suffix, `.json` or `.xml`), and errors in Open311's own format — never problem+json here.
 *
 *   JSON  [{ "code": 404, "description": "services.application.not_found: No application has this tracking number." }]
 *   XML   <errors><error><code>404</code><description>services.application.not_found: …</description></error></errors>
 *
 * `code` is the HTTP status, as in the GeoReport v2 examples; our stable error code starts the
 * description (before the first colon) and is also sent as the `x-error-code` header, so a
 * client can tell `services.application.missing_field` from `services.application.value_not_in_list`
 * without reading prose.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import type { AppError } from '../../../platform/http/problem.ts';
import { toProblem } from '../../../platform/http/problem.ts';

export type Format = 'json' | 'xml';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const builder = new XMLBuilder({ format: false, processEntities: true });

/** "requests.json" → { name: "requests", format: "json" }; undefined when the suffix is neither. */
export function splitFormat(file: string): { name: string; format: Format } | undefined {
  const match = /^(.*)\.(json|xml)$/i.exec(file);
  if (!match) return undefined;
  return { name: match[1] as string, format: (match[2] as string).toLowerCase() as Format };
}

/** The format a URL asks for (its path's suffix); JSON when it names none. */
export function formatOfUrl(url: string): Format {
  return /\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json';
}

/**
 * XML of a value: objects become elements, arrays repeat their element, null and '' become
 * empty elements, booleans `true`/`false`. `xmlRoot` wraps the value in the root element.
 */
export function toXml(xmlRoot: string, value: unknown): string {
  return `${XML_DECLARATION}${builder.build({ [xmlRoot]: value })}`;
}

/**
 * Sends `json` as JSON, or its XML twin made by `xml()` (the XML of a list names each item,
 * which the JSON array does not, so the caller says how).
 */
export function send(
  reply: FastifyReply,
  format: Format,
  json: unknown,
  xml: () => string,
  status = 200,
): FastifyReply {
  reply.code(status);
  return format === 'xml'
    ? reply.type(XML_TYPE).send(xml())
    : reply.type(JSON_TYPE).send(JSON.stringify(json));
}

export interface Open311Error {
  code: number;
  description: string;
}

/** Any error as Open311 errors: the status, and our stable code first in each description. */
export function toOpen311Errors(
  error: unknown,
  request: FastifyRequest,
): { status: number; code: string; errors: Open311Error[] } {
  // The platform's mapping gives every error its status and stable code (validation, bad JSON,
  // database down, internal error without details); only the envelope differs here.
  const problem = toProblem(error, request);
  const status = problem.status;
  const head = `${problem.code}: ${problem.title}`;
  const items =
    problem.errors && problem.errors.length > 0
      ? problem.errors.map((item) => `${head} ${item.path}: ${item.message}`)
      : [problem.detail ? `${head} (${problem.detail})` : head];
  return { status, code: problem.code, errors: items.map((description) => ({ code: status, description })) };
}

export function sendErrors(
  reply: FastifyReply,
  format: Format,
  status: number,
  code: string,
  errors: Open311Error[],
): FastifyReply {
  reply.header('x-error-code', code);
  return send(reply, format, errors, () => toXml('errors', { error: errors }), status);
}

/** The error handler of the Open311 routes. */
export async function handleOpen311Error(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { status, code, errors } = toOpen311Errors(error, request);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code }, 'request refused');
  return sendErrors(reply, formatOfUrl(request.url), status, code, errors);
}
