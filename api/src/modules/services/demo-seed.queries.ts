/** What the demo seed reads: the communes/sangkats of a district, through the gazetteer port. */
import type { GazetteerPort } from '../gazetteer/index.ts';
import type { ServicesModuleContext } from './context.ts';

/** The units one level below `districtCode` (its communes or sangkats), in code order. */
export async function kepSangkats(
  ctx: ServicesModuleContext,
  districtCode: string,
): Promise<{ code: string }[]> {
  const { gazetteer } = ctx.ports;
  const db = ctx.db as unknown as Parameters<GazetteerPort['getUnit']>[0];
  const subtree = await gazetteer.subtreeCodesQuery(db, [districtCode]).execute();
  const codes = subtree.map((row) => row.descendant_code).sort();
  const units = await Promise.all(codes.map((code) => gazetteer.getUnit(db, code)));
  return units
    .filter((unit) => unit.parentCode === districtCode && unit.level === 3)
    .map((unit) => ({ code: unit.code }));
}
