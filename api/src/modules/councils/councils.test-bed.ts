/**
 * The councils route tests' one set-up (for *.routes.test.ts files only): calling a route and
 * expecting its status, reading a problem's status and code, an organ of a unit with its members,
 * a meeting convened on a day, and one held with some members present. Clients are the test
 * support's (`signedIn`, `anonymous`): this file takes them by their shape, since code outside
 * *.test.ts files may not import api/src/test-support (the boundaries check).
 */
import { expect } from 'vitest';

/** A client of api/src/test-support/http.ts, as this file uses it. */
export interface Caller {
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<{ statusCode: number; body: string; json<T>(): T }>;
}

type Method = Parameters<Caller['request']>[0];

/** Calls a route and expects its status (200 unless told); the answer's body. */
export async function call<T>(
  client: Caller,
  method: Method,
  url: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const response = await client.request(method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

/** A refused call: its status and problem code. */
export async function problem(client: Caller, method: Method, url: string, body?: unknown) {
  const response = await client.request(method, url, body);
  return { status: response.statusCode, code: response.json<{ code: string }>().code };
}

export interface MemberSpec {
  role: string;
  endDate?: string;
  phone?: string;
  email?: string;
}

/**
 * An organ of `unit` (a council unless told) and its members in that order, each in office
 * from 2026-01-01 (until `endDate` when given), women and men in turn. Made by `admin`.
 */
export async function makeOrgan(
  admin: Caller,
  unit: string,
  members: (MemberSpec | string)[],
  kind = 'council',
): Promise<{ organId: number; members: number[] }> {
  const organ = await call<{ id: number }>(
    admin,
    'POST',
    `/api/councils/units/${unit}/organs`,
    {
      kind,
      nameKm: kind === 'council' ? 'ក្រុមប្រឹក្សាសាកល្បង' : 'ស្ថាប័នសាកល្បង',
      nameEn: kind === 'council' ? 'Test council' : `Test ${kind}`,
      termStart: '2022-07-01',
    },
    201,
  );
  const ids: number[] = [];
  for (const [index, given] of members.entries()) {
    const member = typeof given === 'string' ? { role: given } : given;
    const added = await call<{ id: number }>(
      admin,
      'POST',
      `/api/councils/organs/${organ.id}/members`,
      {
        nameKm: `សមាជិក ${index + 1}`,
        nameLatin: `Member ${index + 1}`,
        role: member.role,
        sex: index % 2 === 0 ? 'female' : 'male',
        startDate: '2026-01-01',
        ...(member.endDate ? { endDate: member.endDate } : {}),
        ...(member.phone ? { phone: member.phone } : {}),
        ...(member.email ? { email: member.email } : {}),
      },
      201,
    );
    ids.push(added.id);
  }
  return { organId: organ.id, members: ids };
}

export const AGENDA = [{ titleKm: 'របៀបវារៈ', titleEn: 'Agenda' }];

/** Convenes an ordinary meeting of the organ on `date` (at a hall unless told); its id. */
export async function convene(
  client: Caller,
  organId: number,
  date: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const meeting = await call<{ id: number }>(
    client,
    'POST',
    `/api/councils/organs/${organId}/meetings`,
    { kind: 'ordinary', date, place: 'Sangkat hall', agenda: AGENDA, ...extra },
    201,
  );
  return meeting.id;
}

/** Records the members given as present (the others absent): the meeting is held. */
export async function holdWith(client: Caller, meetingId: number, present: number[]): Promise<void> {
  await call(client, 'PUT', `/api/councils/meetings/${meetingId}/attendance`, {
    attendance: present.map((memberId) => ({ memberId, status: 'present' })),
  });
}
