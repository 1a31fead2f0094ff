import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, SortQuery } from '../../platform/http/paging.ts';
import { RequiredText } from '../../platform/http/text.ts';
import { Timestamp } from '../../platform/http/timestamp.ts';
import { PASSWORD_MAX_LENGTH } from './passwords.ts';

const UnitCode = Type.String({
  pattern: '^([0-9]{2}){1,4}$',
  description: 'NCDD code of an administrative unit.',
});

export const SignInBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 254, description: 'E-mail address or phone number.' }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const Assignment = Type.Object(
  {
    id: Type.Integer(),
    roleCode: Type.String(),
    roleNameKm: Type.String(),
    roleNameEn: Type.String(),
    unitCode: Type.Union([UnitCode, Type.Null()], { description: 'null: national.' }),
    permissions: Type.Array(Type.String()),
  },
  { title: 'AccessAssignment' },
);

export const User = Type.Object(
  {
    id: Type.Integer(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    displayName: Type.String(),
    homeUnitCode: Type.Union([UnitCode, Type.Null()]),
    isActive: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    isExample: Type.Boolean({ description: 'Demo account, not a real person.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'AccessUser' },
);

export const UserWithAssignments = Type.Composite([
  User,
  Type.Object({ assignments: Type.Array(Assignment) }),
]);

export const Me = Type.Object({
  user: UserWithAssignments,
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send it back in the x-csrf-token header on every write made with the session cookie.',
  }),
});

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const UserListQuery = Type.Composite([
  PageQuery,
  SortQuery(['displayName', 'createdAt', 'id'] as const, 'displayName'),
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of a name, e-mail or phone number.' })),
    within: Type.Optional(UnitCode),
    active: Type.Optional(Type.Boolean()),
  }),
]);
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    displayName: RequiredText(200),
    homeUnitCode: Type.Union([UnitCode, Type.Null()]),
    password: Type.String({
      minLength: 1,
      maxLength: PASSWORD_MAX_LENGTH,
      description: 'A first password; the person must change it at first sign-in.',
    }),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(RequiredText(200)),
    isActive: Type.Optional(Type.Boolean()),
    homeUnitCode: Type.Optional(Type.Union([UnitCode, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object(
  { newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

export const GrantBody = Type.Object(
  {
    roleCode: Type.String({ minLength: 1, maxLength: 64 }),
    unitCode: Type.Union([UnitCode, Type.Null()], { description: 'null: national.' }),
  },
  { additionalProperties: false },
);
export type GrantBody = Static<typeof GrantBody>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Role = Type.Object({
  code: Type.String(),
  nameKm: Type.String(),
  nameEn: Type.String(),
  descriptionEn: Type.String(),
  assignableAt: Type.String(),
  isBuiltin: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});

export const ApiToken = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
});

export const CreateTokenBody = Type.Object(
  {
    name: RequiredText(100),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 366 }),
  },
  { additionalProperties: false },
);

export const CreatedToken = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  expiresAt: Timestamp,
  token: Type.String({ description: 'Shown once: keep it now.' }),
});

// ------------------------------------------------------------------ citizens' accounts by phone

const PhoneTyped = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'A Cambodian phone number as typed: "012 345 678", "+855 12 345 678", Khmer digits.',
});
const CodeTyped = Type.String({
  minLength: 1,
  maxLength: 20,
  description: 'The six digits sent by SMS (Latin or Khmer digits, spaces allowed).',
});

export const PhoneCodeBody = Type.Object({ phone: PhoneTyped }, { additionalProperties: false });

export const CodeSent = Type.Object({
  expiresInSeconds: Type.Integer({ minimum: 1, description: 'How long the code is valid.' }),
});

export const SignUpBody = Type.Object(
  {
    phone: PhoneTyped,
    code: CodeTyped,
    displayName: RequiredText(120),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const RecoveryBody = Type.Object(
  {
    phone: PhoneTyped,
    code: CodeTyped,
    newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const DeleteAccountBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);
