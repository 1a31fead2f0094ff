/**
 * Every API route declares who may call it, in its options:
 *
 *   config: { access: 'public' }                        anyone, signed in or not
 *   config: { access: 'signed-in' }                     any signed-in user (their own account)
 *   config: { access: { permission: 'access.user.manage', unit: (req) => unitOfUser(req) } }
 *
 * `unit` finds the unit of the administrative tree the request touches (a path parameter, or
 * the unit of the record it names). A caller passes when one of their assignments carries the
 * permission and covers that unit (it is the unit or an ancestor; national assignments cover
 * everything). Without `unit`, the route is a list: the caller passes when any assignment
 * carries the permission, and `request.access.scope` says which subtrees the handler must
 * limit its answer to.
 *
 * A route without a declaration cannot even be registered: the application refuses to start.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/problem.ts';
import type { Authenticator, Jurisdiction, Principal, PrincipalAssignment } from './principal.ts';

export type UnitLocator = (request: FastifyRequest) => Promise<string | null> | string | null;

export type RouteAccess = 'public' | 'signed-in' | { permission: string; unit?: UnitLocator };

/** What the access check decided, for the handler and the audit trail. */
export interface AccessGrant {
  /** The assignment that allowed this request (undefined for public and signed-in routes). */
  assignment?: PrincipalAssignment;
  /** For lists: 'all' (a national assignment) or the unit codes whose subtrees the caller covers. */
  scope: 'all' | string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    access: AccessGrant;
  }
  interface FastifyInstance {
    /** Every route with its declared access rule, in registration order (for tests and docs). */
    accessRules: RouteRule[];
  }
}

export interface RouteRule {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/** Routes outside the API (the web app's files, the docs UI) need no declaration. */
const PROTECTED_PREFIXES = ['/api/', '/open311/'];
const UNDECLARED_ALLOWED = [/^\/api\/docs(\/|$)/, /^\/api\/openapi\.json$/];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class AccessDeclarationError extends Error {}

export interface AccessControlOptions {
  authenticator: Authenticator;
  jurisdiction: Jurisdiction;
  /** Called when a request is refused (401/403), so that attempts are recorded. */
  onDenied?: (request: FastifyRequest, code: string) => Promise<void>;
}

export const unauthenticated = () => new AppError(401, 'auth.unauthenticated', 'Sign in to do this.');
export const forbidden = (detail?: string) =>
  new AppError(403, 'auth.forbidden', 'You are not allowed to do this here.', detail);

/** Lists every route the application refuses to register because it declares no access. */
export function requiresDeclaration(url: string): boolean {
  return (
    PROTECTED_PREFIXES.some((prefix) => url.startsWith(prefix)) &&
    !UNDECLARED_ALLOWED.some((re) => re.test(url))
  );
}

/** Does an assignment cover the unit? National assignments cover everything. */
async function covers(
  jurisdiction: Jurisdiction,
  assignment: PrincipalAssignment,
  unitCode: string,
): Promise<boolean> {
  if (assignment.unitCode === null) return true;
  return jurisdiction.isUnitWithin(unitCode, assignment.unitCode);
}

export function listScope(assignments: readonly PrincipalAssignment[]): 'all' | string[] {
  if (assignments.some((assignment) => assignment.unitCode === null)) return 'all';
  return [...new Set(assignments.map((assignment) => assignment.unitCode as string))];
}

export function registerAccessControl(app: FastifyInstance, options: AccessControlOptions): void {
  app.decorateRequest('principal', null);
  // Set by the check; public routes, which have no check, keep this null.
  app.decorateRequest('access', null as unknown as AccessGrant);

  const rules: RouteRule[] = [];
  app.decorate('accessRules', rules);
  app.addHook('onRoute', (route) => {
    const declared = route.config?.access;
    for (const method of [route.method].flat())
      rules.push({ method: String(method), url: route.url, access: declared });
    if (declared === undefined && requiresDeclaration(route.url)) {
      throw new AccessDeclarationError(
        `Route ${String(route.method)} ${route.url} declares no access rule: add config.access ('public', 'signed-in' or a permission).`,
      );
    }
  });

  const recorded = new WeakSet<FastifyRequest>();
  const record = async (request: FastifyRequest, code: string): Promise<void> => {
    if (recorded.has(request)) return;
    recorded.add(request);
    try {
      await options.onDenied?.(request, code);
    } catch (recordError) {
      request.log.error({ err: recordError }, 'could not record a refused request');
    }
  };
  const deny = async (request: FastifyRequest, error: AppError): Promise<never> => {
    await record(request, error.code);
    throw error;
  };
  // Refusals decided further in, by a service (a role given outside one's scope, an escalation),
  // are recorded the same way as those of the check itself.
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof AppError && (error.statusCode === 401 || error.statusCode === 403)) {
      await record(request, error.code);
    }
  });

  // The check runs as a preHandler of the routes that need one; public routes get no hook at
  // all (nothing to check, and the throughput of public pages matters most).
  const check = async (request: FastifyRequest): Promise<void> => {
    const declared = request.routeOptions.config.access;
    if (declared === undefined || declared === 'public') return;
    request.principal = await options.authenticator.authenticate(request);
    const principal = request.principal;
    if (!principal) return deny(request, unauthenticated());

    // Cookie sessions are sent by the browser on its own: a write must also prove it comes
    // from our web app by echoing the session's CSRF token in a header. Bearer tokens are
    // never sent automatically, so they need no such proof.
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== principal.csrfToken) {
        return deny(
          request,
          new AppError(
            403,
            'auth.csrf.invalid',
            'This request lacks a valid CSRF token. Reload the page and try again.',
          ),
        );
      }
    }

    if (declared === 'signed-in') {
      request.access = { scope: [] };
      return;
    }
    if (principal.mustChangePassword) {
      return deny(
        request,
        new AppError(403, 'auth.password.change_required', 'Change your password before you go on.'),
      );
    }
    const holding = principal.assignments.filter((assignment) =>
      assignment.permissions.has(declared.permission),
    );
    if (holding.length === 0) return deny(request, forbidden(`Needs the permission ${declared.permission}.`));
    if (!declared.unit) {
      request.access = { assignment: holding[0], scope: listScope(holding) };
      return;
    }
    const unitCode = await declared.unit(request);
    if (unitCode !== null) {
      for (const assignment of holding) {
        if (await covers(options.jurisdiction, assignment, unitCode)) {
          request.access = {
            assignment,
            scope: assignment.unitCode === null ? 'all' : [assignment.unitCode],
          };
          return;
        }
      }
      return deny(request, forbidden(`Needs the permission ${declared.permission} at unit ${unitCode}.`));
    }
    // The record belongs to no unit (a national record): only national assignments cover it.
    const national = holding.find((assignment) => assignment.unitCode === null);
    if (!national) return deny(request, forbidden(`Needs the permission ${declared.permission} nationally.`));
    request.access = { assignment: national, scope: 'all' };
  };
  app.addHook('onRoute', (route) => {
    const declared = route.config?.access;
    if (declared === undefined || declared === 'public') return;
    const existing = route.preHandler === undefined ? [] : [route.preHandler].flat();
    route.preHandler = [check, ...existing];
  });
}
