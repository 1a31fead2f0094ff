/** What the access module's services receive: its own tables, the gazetteer's port and the notifications' (codes by SMS). */
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { AccessTables } from './access.tables.ts';

export type AccessContext = ModuleContext<AccessTables, PortsOf<'gazetteer' | 'notifications'>>;
