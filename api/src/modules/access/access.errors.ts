/**
 * Every error the access module answers. Its own codes start with `access.`; signing in and
 * API tokens answer under `auth.` (the web and the tests know them by those codes): those are
 * the platform's (PLATFORM_ERRORS), beside the access check's own `auth.*` codes.
 */
import { defineErrors, failWith, PLATFORM_ERRORS } from '../../platform/errors.ts';

export const ACCESS_ERRORS = defineErrors({
  'access.user.not_found': { status: 404, title: 'No such user.' },
  // National login (oidc.service.ts).
  'access.oidc.off': { status: 404, title: 'Sign-in with the national identity is not set up here.' },
  'access.oidc.failed': { status: 401, title: 'The national identity service did not confirm who you are.' },
  'access.oidc.no_account': {
    status: 403,
    title: 'No account here goes with this national identity. Ask your administrator to create one.',
  },
  'access.user.email_invalid': { status: 400, title: 'This e-mail address is not valid.' },
  'access.user.phone_invalid': { status: 400, title: 'This phone number is not valid.' },
  'access.user.login_missing': { status: 400, title: 'Give an e-mail address or a phone number.' },
  'access.user.login_taken': {
    status: 409,
    title: 'Another account already uses this e-mail address or phone number.',
  },
  'access.user.cannot_disable_self': { status: 400, title: 'You cannot disable your own account.' },
  'access.password.current_wrong': { status: 400, title: 'The current password is wrong.' },
  'access.password.unchanged': { status: 400, title: 'The new password must differ from the current one.' },
  'access.password.too_short': { status: 400, title: 'A password needs at least 10 characters.' },
  'access.password.too_weak': { status: 400, title: 'This password is too easy to guess. Choose another.' },
  'access.role.not_found': { status: 400, title: 'There is no such role.' },
  'access.assignment.not_found': { status: 404, title: 'No such role assignment.' },
  'access.assignment.wrong_level': {
    status: 400,
    title: 'This role cannot be given at this level of the tree.',
  },
  'access.assignment.out_of_scope': {
    status: 403,
    title: 'You can only give roles at units inside your own scope.',
  },
  'access.assignment.escalation': {
    status: 403,
    title: 'You cannot give a role with a permission you do not hold there.',
  },
  'access.assignment.exists': { status: 409, title: 'This person already has this role at this unit.' },
  'access.assignment.cannot_revoke_own_admin': {
    status: 400,
    title: 'You cannot withdraw your own administrator role.',
  },
  // Citizen accounts by phone (citizen-accounts.service.ts).
  'access.sign_up.phone_taken': {
    status: 409,
    title: 'An account already uses this phone number. Sign in, or recover its password.',
  },
  'access.code.wrong': {
    status: 400,
    title: 'This code is not the one we sent. Check the SMS and try again.',
  },
  'access.code.expired': { status: 400, title: 'This code has expired. Ask for a new one.' },
  'access.code.used': { status: 400, title: 'This code has already been used. Ask for a new one.' },
  'access.code.too_many_attempts': {
    status: 400,
    title: 'Too many wrong tries for this code. Ask for a new one.',
  },
  'access.code.throttled': {
    status: 429,
    title: 'Too many codes or tries for this number or from this connection. Wait, then try again.',
  },
  'access.account.not_citizen': {
    status: 403,
    title:
      'Only a citizen’s own account can be deleted here; an officer’s account is closed by an administrator.',
  },
});

export const fail = failWith({ ...PLATFORM_ERRORS, ...ACCESS_ERRORS });
