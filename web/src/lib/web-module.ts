/**
 * The contract of a web module (web/src/modules/<name>/index.ts), as the API's modules have
 * theirs: the module declares its pages (each a lazy chunk, ADR 0007) and its entries in the
 * menu; web/src/app/modules.ts lists the modules, and the router and the menu are built from
 * that list. A module's index.ts is also the only door other modules go through.
 */
import { createContext, lazy, useContext, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import type { Session } from './session.ts';

export interface NavEntry {
  to: string;
  /** Its label's key: in the main catalogues, since the menu shows it before the module loads. */
  label: string;
  /** Its place in the menu, lower first (the modules' entries interleave). */
  order: number;
  /** Active on this address only, not on the ones below it. */
  end?: boolean;
  /** Shown only when this holds (the API decides; the menu only offers). */
  shows?: (session: Session) => boolean;
}

/**
 * A section another module adds to the gazetteer's unit page (the unit's transfers, its
 * budgets…). The gazetteer shows what the modules declare without knowing them; the section's
 * code loads with the unit page, as a lazy chunk of its own module.
 */
export interface UnitSection {
  name: string;
  Component: LazyExoticComponent<ComponentType<{ code: string }>>;
}

export interface WebModule {
  name: string;
  routes: readonly RouteObject[];
  nav?: readonly NavEntry[];
  unitSections?: readonly UnitSection[];
}

/** A unit section whose component loads, with its module's code, when a unit page first shows it. */
export function lazyUnitSection(
  name: string,
  load: () => Promise<ComponentType<{ code: string }>>,
): UnitSection {
  return { name, Component: lazy(async () => ({ default: await load() })) };
}

/** The unit sections of every module, which the shell provides (web/src/app/modules.ts). */
export const UnitSectionsContext = createContext<readonly UnitSection[]>([]);

export function useUnitSections(): readonly UnitSection[] {
  return useContext(UnitSectionsContext);
}

/** A page at `path` whose code loads, with its texts and styles, when it is first visited. */
export function lazyPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return { path, lazy: async () => ({ Component: await load() }) };
}
