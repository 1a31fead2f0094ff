/**
 * The capital and the 24 provinces, for files that imply them without listing them (the NCDD
 * workbook has one sheet per province and no province row): the official list (provinces.ts).
 */
import { CAPITAL_CODE, PROVINCES } from '../provinces.ts';

export interface OfficialProvince {
  code: string;
  nameKm: string;
  nameLatin: string;
  typeCode: 'capital' | 'province';
}

export const OFFICIAL_PROVINCES: ReadonlyMap<string, OfficialProvince> = new Map(
  PROVINCES.map(([code, nameKm, nameLatin]) => [
    code,
    { code, nameKm, nameLatin, typeCode: code === CAPITAL_CODE ? 'capital' : 'province' },
  ]),
);
