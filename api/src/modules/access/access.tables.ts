/** The access module's tables as Kysely sees them. */
import type { Generated } from 'kysely';

export interface AccessPermissionTable {
  code: string;
  module: string;
  description_en: string;
  description_km: string;
}

export interface AccessRoleTable {
  code: string;
  name_km: string;
  name_en: string;
  description_en: string;
  is_builtin: boolean;
  assignable_at: string;
}

export interface AccessRolePermissionTable {
  role_code: string;
  permission_code: string;
}

export interface AccessUserTable {
  id: Generated<number>;
  email: string | null;
  phone: string | null;
  display_name: string;
  home_unit_code: string | null;
  password_hash: string;
  is_active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  is_example: Generated<boolean>;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Set when the person deleted their account: the personal fields are cleared. */
  deleted_at: Generated<Date | null>;
}

export interface AccessAssignmentTable {
  id: Generated<number>;
  user_id: number;
  role_code: string;
  unit_code: string | null;
  created_at: Generated<Date>;
  created_by: number | null;
  revoked_at: Date | null;
  revoked_by: number | null;
}

export interface AccessSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AccessApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AccessSignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

/** One identity of a national identity provider (OpenID Connect) linked to an account. */
export interface AccessOidcIdentityTable {
  issuer: string;
  subject: string;
  user_id: number;
  created_at: Generated<Date>;
}

/** A national sign-in under way: what the callback must find again (oidc.service.ts). */
export interface AccessOidcPendingTable {
  state: string;
  code_verifier: string;
  nonce: string;
  next_path: string;
  expires_at: Date;
}

/** A one-time code sent to a phone to sign up or recover a password (phone-codes.ts). */
export interface AccessPhoneCodeTable {
  id: Generated<number>;
  purpose: 'sign_up' | 'recovery';
  phone: string;
  user_id: number | null;
  code_hash: string;
  salt: string;
  created_at: Generated<Date>;
  expires_at: Date;
  attempts: Generated<number>;
  used_at: Date | null;
  ip: string | null;
}

export interface AccessTables {
  access_permission: AccessPermissionTable;
  access_role: AccessRoleTable;
  access_role_permission: AccessRolePermissionTable;
  access_user: AccessUserTable;
  access_assignment: AccessAssignmentTable;
  access_session: AccessSessionTable;
  access_api_token: AccessApiTokenTable;
  access_sign_in_throttle: AccessSignInThrottleTable;
  access_oidc_identity: AccessOidcIdentityTable;
  access_oidc_pending: AccessOidcPendingTable;
  access_phone_code: AccessPhoneCodeTable;
}
