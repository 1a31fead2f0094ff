/** Transfer programs (Commune/Sangkat Fund, District/Municipal Fund, …): listed and defined. */
import type { Actor } from '../../platform/actor.ts';
import { insertProgram, programExists, selectPrograms } from './programs.queries.ts';
import type { TransfersContext } from './transfers.context.ts';
import { fail } from './transfers.errors.ts';

export interface ProgramInput {
  code: string;
  nameKm: string;
  nameEn: string;
  descriptionKm?: string | null;
  descriptionEn?: string | null;
}

export interface Program {
  code: string;
  nameKm: string;
  nameEn: string;
  descriptionKm: string | null;
  descriptionEn: string | null;
  isExample: boolean;
}

export async function listPrograms(ctx: TransfersContext): Promise<Program[]> {
  const rows = await selectPrograms(ctx.db);
  return rows.map((row) => ({
    code: row.code,
    nameKm: row.name_km,
    nameEn: row.name_en,
    descriptionKm: row.description_km,
    descriptionEn: row.description_en,
    isExample: row.is_example,
  }));
}

export async function createProgram(ctx: TransfersContext, actor: Actor, input: ProgramInput) {
  return ctx.inTransaction(async (trx) => {
    if (await programExists(trx, input.code)) throw fail('transfers.program.exists');
    const row = await insertProgram(trx, {
      code: input.code,
      name_km: input.nameKm,
      name_en: input.nameEn,
      description_km: input.descriptionKm ?? null,
      description_en: input.descriptionEn ?? null,
    });
    await ctx.audit.write(trx, actor, {
      action: 'transfers.program.create',
      entityType: 'transfers.program',
      entityId: row.code,
      unitCode: null,
      after: input,
    });
    return row;
  });
}
