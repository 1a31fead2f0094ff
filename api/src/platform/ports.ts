/**
 * The ports between modules. A module that offers others a way to read or change its data
 * declares the port's name and type here by declaration merging, in its own `index.ts`:
 *
 *   declare module '../../platform/ports.ts' {
 *     interface PortRegistry { gazetteer: GazetteerPort }
 *   }
 *
 * and builds it in its manifest's `provides`. A module that uses a port lists its name in its
 * manifest's `requires` and finds it, typed, in `ctx.ports`. The composition root (modules.ts)
 * checks at start-up that every required port is provided by exactly one module.
 *
 * Every port function takes the database handle to run on as its first argument: the caller's
 * `ctx.db`, or the transaction it is in. (PGlite has one connection: a read outside the
 * caller's open transaction would wait for it forever.)
 *
 * The platform itself needs two ports, declared here because platform code uses them: who is
 * calling (the access module's authenticator) and the tree (the gazetteer's jurisdiction).
 */
import type { Kysely } from 'kysely';
import type { Authenticator } from './auth/principal.ts';

/** Any module's database handle, or a transaction of it: ports cast it to their own tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** Answers "is unit U within the subtree of S" (a unit is within itself). */
export interface JurisdictionPort {
  isUnitWithin(db: AnyDb, unitCode: string, scopeCode: string): Promise<boolean>;
}

export interface PortRegistry {
  authenticator: Authenticator;
  jurisdiction: JurisdictionPort;
}

export type PortName = Extract<keyof PortRegistry, string>;

/** The ports a module requires, as its context holds them. */
export type PortsOf<Names extends PortName> = Pick<PortRegistry, Names>;
