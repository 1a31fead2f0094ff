/**
 * Every request gets an id, logged with each line about it and returned in `x-request-id`;
 * a caller (or a proxy in front of us) may send its own so one id follows a request across
 * systems. We accept only short, plain ids so a header can never inject text into our logs.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}
