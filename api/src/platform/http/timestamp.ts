import { Type } from '@sinclair/typebox';

/**
 * A point in time in an API answer: an ISO 8601 string on the wire. Handlers may return the
 * driver's Date as it is; the response serialiser writes it as ISO 8601.
 */
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
