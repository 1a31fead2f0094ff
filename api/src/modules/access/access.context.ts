/** What the access module's services receive: its own tables and the gazetteer's port. */
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { AccessTables } from './access.tables.ts';

export type AccessContext = ModuleContext<AccessTables, PortsOf<'gazetteer'>>;
