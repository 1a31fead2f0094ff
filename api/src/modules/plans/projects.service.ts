/**
 * Projects of the 3-year rolling investment program: title, sector, places (villages or
 * communes within the unit), kind, output, estimated cost by year and fund source, gender and
 * climate markers; status proposal → committed → ongoing → completed, or dropped. A project's
 * id never changes: later slices (the workshop's agreements, budget lines, the execution
 * record) point at it.
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { portDb, type PlansContext } from './plans.context.ts';
import { fail } from './plans.errors.ts';
import { selectFundSources } from './plans.queries.ts';
import {
  ensureProgram,
  findPriorityUnit,
  findProjectUnit,
  insertCosts,
  insertLocations,
  insertProject,
  lockProject,
  selectProjects,
  selectProjectsWithParts,
  type ProjectWithParts,
  updateProject as updateProjectRow,
  deletePartsOf,
  deleteProjectRow,
  lockProgram,
} from './projects.queries.ts';
import { checkSectors, snaUnit } from './plans.service.ts';
import type { CreateProjectBody, Project, ProjectListQuery, ProjectStatusBody } from './plans.schemas.ts';
import {
  CLIMATE_MARKERS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type ClimateMarker,
  type PlansDb,
  type ProjectKind,
  type ProjectStatus,
} from './plans.tables.ts';

/** Where a project may go from each status; a completed project goes nowhere. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  proposal: ['committed', 'dropped'],
  committed: ['proposal', 'ongoing', 'dropped'],
  ongoing: ['completed', 'dropped'],
  completed: [],
  dropped: ['proposal'],
};

/** Unit locator for the access check: the unit of the project a path names. */
export async function unitOfProject(db: PlansDb, id: number): Promise<string> {
  const unit = await findProjectUnit(db, id);
  if (unit === undefined) throw fail('plans.project.not_found');
  return unit;
}

/** Projects as the API answers them: the rows with their parts, and the places' names (one query). */
export async function projectAnswers(
  ctx: PlansContext,
  db: PlansDb,
  rows: ProjectWithParts[],
): Promise<Project[]> {
  const names = await ctx.ports.gazetteer.unitNames(portDb(db), [
    ...new Set(rows.flatMap((row) => row.locations.map((location) => location.unit_code))),
  ]);
  return rows.map((row) => {
    const own = row.costs;
    return {
      id: row.id,
      unitCode: row.unit_code,
      titleKm: row.title_km,
      titleEn: row.title_en,
      sectorCode: row.sector_code,
      kind: row.kind,
      outputText: row.output_text,
      outputQuantity: Number(row.output_quantity),
      outputUnit: row.output_unit,
      status: row.status,
      genderMarker: row.gender_marker,
      genderReason: row.gender_reason,
      climateMarker: row.climate_marker,
      climateReason: row.climate_reason,
      priorityId: row.priority_id,
      isExample: row.is_example,
      locations: row.locations.map((location) => ({
        code: location.unit_code,
        nameKm: names.get(location.unit_code)?.nameKm ?? location.unit_code,
        nameLatin: names.get(location.unit_code)?.nameLatin ?? location.unit_code,
      })),
      costs: own.map((cost) => ({
        year: cost.year,
        fundSource: cost.fund_source_code,
        amount: Number(cost.amount),
      })),
      total: own.reduce((sum, cost) => sum + Number(cost.amount), 0),
    };
  });
}

/** Projects by id as the API answers them (two queries whatever their number). */
export async function projectsByIds(
  ctx: PlansContext,
  db: PlansDb,
  ids: readonly number[],
): Promise<Project[]> {
  return projectAnswers(ctx, db, await selectProjectsWithParts(db, ids));
}

export async function getProject(ctx: PlansContext, input: { id: number }): Promise<Project> {
  const [project] = await projectsByIds(ctx, ctx.db, [input.id]);
  if (!project) throw fail('plans.project.not_found');
  return project;
}

/** The projects of the units of a subtree (the gazetteer port says which), paged. */
export async function listProjects(ctx: PlansContext, query: ProjectListQuery): Promise<PageResult<Project>> {
  const db = ctx.db;
  const { rows, total } = await selectProjects(db, {
    within: ctx.ports.gazetteer.subtreeCodesQuery(db, [query.unit]),
    year: query.year,
    status: query.status,
    sector: query.sector,
    page: query.page,
    pageSize: query.pageSize,
  });
  // An unknown unit has an empty subtree: asked only when the page is empty (404 then).
  if (rows.length === 0) await ctx.ports.gazetteer.getUnit(portDb(db), query.unit);
  return { items: await projectAnswers(ctx, db, rows), page: query.page, pageSize: query.pageSize, total };
}

/** The cost rows of a project's body, checked: known sources, no negatives, each year adding up. */
async function checkedCosts(db: PlansDb, body: CreateProjectBody) {
  if (body.costs.length === 0) throw fail('plans.project.no_costs');
  const known = new Set((await selectFundSources(db)).map((row) => row.code));
  const years = new Set<number>();
  const rows: { year: number; fund_source_code: string; amount: number }[] = [];
  for (const cost of body.costs) {
    if (years.has(cost.year)) throw fail('plans.project.duplicate_year', `Year ${cost.year}.`);
    years.add(cost.year);
    if (cost.total < 0 || cost.sources.some((source) => source.amount < 0)) {
      throw fail('plans.project.negative_amount', `Year ${cost.year}.`);
    }
    const seen = new Set<string>();
    for (const source of cost.sources) {
      if (!known.has(source.fundSource))
        throw fail('plans.fund_source.unknown', `Not a fund source: ${source.fundSource}.`);
      if (seen.has(source.fundSource)) {
        throw fail('plans.project.split_mismatch', `Year ${cost.year}: ${source.fundSource} named twice.`);
      }
      seen.add(source.fundSource);
      rows.push({ year: cost.year, fund_source_code: source.fundSource, amount: source.amount });
    }
    const sum = cost.sources.reduce((total, source) => total + source.amount, 0);
    if (sum !== cost.total) {
      throw fail(
        'plans.project.split_mismatch',
        `Year ${cost.year}: sources add up to ${sum}, the cost is ${cost.total}.`,
      );
    }
  }
  return { rows, years: [...years].sort((a, b) => a - b) };
}

/** A project's body checked against its unit: sector, kind, markers, places and costs. */
async function checkedProject(ctx: PlansContext, unitCode: string, body: CreateProjectBody) {
  const gazetteer = ctx.ports.gazetteer;
  await snaUnit(ctx, ctx.db, unitCode);
  await checkSectors(ctx.db, [body.sectorCode]);
  if (!(PROJECT_KINDS as readonly string[]).includes(body.kind)) {
    throw fail('plans.project.bad_kind', `Not a kind: ${body.kind}.`);
  }
  if (!(CLIMATE_MARKERS as readonly string[]).includes(body.climateMarker)) {
    throw fail('plans.project.bad_marker', `Not a marker: ${body.climateMarker}.`);
  }
  const genderReason = body.genderReason?.trim() || null;
  const climateReason = body.climateReason?.trim() || null;
  if (
    (body.genderMarker && genderReason === null) ||
    (body.climateMarker !== 'none' && climateReason === null)
  ) {
    throw fail('plans.project.marker_reason');
  }
  if (body.outputQuantity < 0) throw fail('plans.project.negative_amount', 'Output quantity.');
  const locations = [...new Set(body.locations)];
  if (locations.length === 0) throw fail('plans.project.no_location');
  for (const code of locations) {
    const place = await gazetteer.getUnit(portDb(ctx.db), code).catch(() => null);
    if (place === null || place.level < 3) throw fail('plans.project.location_level', `Place ${code}.`);
    if (!(await gazetteer.isUnitWithin(ctx.db, code, unitCode))) {
      throw fail('plans.project.location_outside', `Place ${code} is not within ${unitCode}.`);
    }
  }
  const costs = await checkedCosts(ctx.db, body);
  return { genderReason, climateReason, locations, costs };
}

export async function createProject(
  ctx: PlansContext,
  actor: Actor,
  input: { unitCode: string; body: CreateProjectBody; isExample?: boolean },
): Promise<Project> {
  const { unitCode, body } = input;
  const gazetteer = ctx.ports.gazetteer;
  const { genderReason, climateReason, locations, costs } = await checkedProject(ctx, unitCode, body);
  return ctx.inTransaction(async (trx) => {
    if (body.priorityId !== undefined && body.priorityId !== null) {
      const priority = await findPriorityUnit(trx, body.priorityId);
      if (!priority || !(await gazetteer.isUnitWithin(trx, priority.unit_code, unitCode))) {
        throw fail('plans.project.priority_outside');
      }
    }
    const program = await ensureProgram(trx, unitCode, costs.years[0]!);
    const last = program.first_year + 2;
    const outside = costs.years.find((year) => year < program.first_year || year > last);
    if (outside !== undefined) {
      throw fail(
        'plans.project.year_outside',
        `The program covers ${program.first_year}-${last}; the cost names ${outside}.`,
      );
    }
    const row = await insertProject(trx, {
      unit_code: unitCode,
      title_km: body.titleKm,
      title_en: body.titleEn,
      sector_code: body.sectorCode,
      kind: body.kind as ProjectKind,
      output_text: body.outputText,
      output_quantity: body.outputQuantity,
      output_unit: body.outputUnit,
      gender_marker: body.genderMarker,
      gender_reason: genderReason,
      climate_marker: body.climateMarker as ClimateMarker,
      climate_reason: climateReason,
      priority_id: body.priorityId ?? null,
      is_example: input.isExample ?? false,
    });
    await insertLocations(trx, row.id, locations);
    await insertCosts(
      trx,
      costs.rows.map((cost) => ({ project_id: row.id, ...cost })),
    );
    await ctx.audit.write(trx, actor, {
      action: 'plans.project.create',
      entityType: 'plans.project',
      entityId: String(row.id),
      unitCode,
      after: {
        titleEn: row.title_en,
        sectorCode: row.sector_code,
        status: row.status,
        locations,
        costs: costs.rows,
      },
    });
    return (await projectsByIds(ctx, trx, [row.id]))[0]!;
  });
}

export async function setProjectStatus(
  ctx: PlansContext,
  actor: Actor,
  input: { id: number; body: ProjectStatusBody },
): Promise<Project> {
  const to = input.body.status;
  if (!(PROJECT_STATUSES as readonly string[]).includes(to)) {
    throw fail('plans.project.bad_transition', `Not a status: ${to}.`);
  }
  return ctx.inTransaction(async (trx) => {
    const before = await lockProject(trx, input.id);
    if (!before) throw fail('plans.project.not_found');
    if (before.status === 'completed') throw fail('plans.project.completed');
    if (!PROJECT_TRANSITIONS[before.status].includes(to as ProjectStatus)) {
      throw fail('plans.project.bad_transition', `From ${before.status} to ${to}.`);
    }
    const after = await updateProjectRow(trx, input.id, { status: to as ProjectStatus });
    await ctx.audit.write(trx, actor, {
      action: 'plans.project.status',
      entityType: 'plans.project',
      entityId: String(input.id),
      unitCode: after.unit_code,
      before: { status: before.status },
      after: { status: after.status },
    });
    return (await projectsByIds(ctx, trx, [after.id]))[0]!;
  });
}

/** The statuses in which a project's content may change, and in which it may be deleted. */
const EDITABLE: readonly ProjectStatus[] = ['proposal', 'committed'];
const DELETABLE: readonly ProjectStatus[] = ['proposal', 'dropped'];

/**
 * Changes a proposed or committed project (titles, sector, kind, output, places, costs by year
 * and fund source, markers, priority) with the same checks as a new one; its id and status stay.
 */
export async function updateProject(
  ctx: PlansContext,
  actor: Actor,
  input: { id: number; body: CreateProjectBody },
): Promise<Project> {
  const { id, body } = input;
  const unitCode = await unitOfProject(ctx.db, id);
  const gazetteer = ctx.ports.gazetteer;
  const { genderReason, climateReason, locations, costs } = await checkedProject(ctx, unitCode, body);
  return ctx.inTransaction(async (trx) => {
    const before = await lockProject(trx, id);
    if (!before) throw fail('plans.project.not_found');
    if (!EDITABLE.includes(before.status)) throw fail('plans.project.locked', `It is ${before.status}.`);
    if (body.priorityId !== undefined && body.priorityId !== null) {
      const priority = await findPriorityUnit(trx, body.priorityId);
      if (!priority || !(await gazetteer.isUnitWithin(trx, priority.unit_code, unitCode))) {
        throw fail('plans.project.priority_outside');
      }
    }
    const program = await lockProgram(trx, unitCode);
    const first = program?.first_year ?? costs.years[0]!;
    const outside = costs.years.find((year) => year < first || year > first + 2);
    if (outside !== undefined) {
      throw fail(
        'plans.project.year_outside',
        `The program covers ${first}-${first + 2}; the cost names ${outside}.`,
      );
    }
    const [previous] = await selectProjectsWithParts(trx, [id]);
    await updateProjectRow(trx, id, {
      title_km: body.titleKm,
      title_en: body.titleEn,
      sector_code: body.sectorCode,
      kind: body.kind as ProjectKind,
      output_text: body.outputText,
      output_quantity: body.outputQuantity,
      output_unit: body.outputUnit,
      gender_marker: body.genderMarker,
      gender_reason: genderReason,
      climate_marker: body.climateMarker as ClimateMarker,
      climate_reason: climateReason,
      priority_id: body.priorityId ?? null,
    });
    await deletePartsOf(trx, id);
    await insertLocations(trx, id, locations);
    await insertCosts(
      trx,
      costs.rows.map((cost) => ({ project_id: id, ...cost })),
    );
    await ctx.audit.write(trx, actor, {
      action: 'plans.project.update',
      entityType: 'plans.project',
      entityId: String(id),
      unitCode,
      before: {
        titleEn: before.title_en,
        sectorCode: before.sector_code,
        locations: previous?.locations.map((location) => location.unit_code),
        costs: previous?.costs,
      },
      after: { titleEn: body.titleEn, sectorCode: body.sectorCode, locations, costs: costs.rows },
    });
    return (await projectsByIds(ctx, trx, [id]))[0]!;
  });
}

/** Deletes a proposed or dropped project with its places and costs; its id is never reused. */
export async function deleteProject(ctx: PlansContext, actor: Actor, input: { id: number }): Promise<void> {
  await ctx.inTransaction(async (trx) => {
    const before = await lockProject(trx, input.id);
    if (!before) throw fail('plans.project.not_found');
    if (!DELETABLE.includes(before.status)) {
      throw fail('plans.project.not_deletable', `It is ${before.status}.`);
    }
    const [previous] = await selectProjectsWithParts(trx, [input.id]);
    await deletePartsOf(trx, input.id);
    await deleteProjectRow(trx, input.id);
    await ctx.audit.write(trx, actor, {
      action: 'plans.project.delete',
      entityType: 'plans.project',
      entityId: String(input.id),
      unitCode: before.unit_code,
      before: {
        titleKm: before.title_km,
        titleEn: before.title_en,
        status: before.status,
        locations: previous?.locations.map((location) => location.unit_code),
        costs: previous?.costs,
      },
    });
  });
}

/** Every project of the list's filters (no paging), for an export: pages of 500 read in turn. */
export async function allProjects(ctx: PlansContext, query: ProjectListQuery): Promise<Project[]> {
  const projects: Project[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await listProjects(ctx, { ...query, page, pageSize: 500 });
    projects.push(...answer.items);
    if (answer.items.length < 500 || projects.length >= answer.total) return projects;
  }
}
