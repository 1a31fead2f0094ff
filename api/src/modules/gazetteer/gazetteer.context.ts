/** What the gazetteer's services receive: its own tables (it requires no other module's port). */
import type { ModuleContext } from '../../platform/context.ts';
import type { GazetteerTables } from './gazetteer.tables.ts';

export type GazetteerContext = ModuleContext<GazetteerTables>;
