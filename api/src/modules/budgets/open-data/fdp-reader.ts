/**
 * A small reader of Fiscal Data Packages (https://specs.frictionlessdata.io/fiscal-data-package/):
 * a descriptor (datapackage.json) and its CSV resources, read from a folder or from strings in
 * memory, turned into typed rows with their measures and dimensions resolved.
 *
 * It reads both layouts in use: the current one (`model` with `measures` and `dimensions`, as
 * our own export writes it) and the early one of OpenSpending's demos (`mapping`, as in
 * ../shared/data/fiscal-data-package-examples). Codes stay text whatever type the schema gives
 * them (leading zeros are part of a code); measures are numbers, multiplied by their factor.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export interface FdpField {
  name: string;
  type?: string;
  description?: string;
}

export interface FdpResource {
  name: string;
  /** `tabular-data-resource` for a CSV with a Table Schema. */
  profile?: string;
  path?: string;
  format?: string;
  mediatype?: string;
  schema?: { fields: FdpField[] };
}

export interface FdpMeasure {
  source: string;
  resource?: string;
  currency?: string;
  factor?: number;
  direction?: string;
  phase?: string;
}

export interface FdpAttribute {
  source: string;
  resource?: string;
  labelfor?: string;
  parent?: string;
}

export interface FdpDimension {
  dimensionType?: string;
  classificationType?: string;
  attributes: Record<string, FdpAttribute>;
  primaryKey: string | string[];
}

export interface FdpModel {
  measures: Record<string, FdpMeasure>;
  dimensions: Record<string, FdpDimension>;
}

export interface FdpDescriptor {
  name: string;
  title?: string;
  profile?: string;
  countryCode?: string;
  granularity?: string;
  fiscalPeriod?: { start: string; end?: string };
  resources: FdpResource[];
  model?: FdpModel;
  /** The early layout's name for `model`. */
  mapping?: FdpModel;
  [key: string]: unknown;
}

/** One record of a resource: each measure's number, each dimension's attributes as text. */
export interface FdpRow {
  resource: string;
  measures: Record<string, number>;
  dimensions: Record<string, Record<string, string>>;
}

export interface FiscalDataPackage {
  descriptor: FdpDescriptor;
  model: FdpModel;
  rows: FdpRow[];
}

export class FdpError extends Error {}

const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

/** What makes a descriptor unusable, as sentences; empty when it is a valid Fiscal Data Package. */
export function validateFiscalDataPackage(candidate: unknown): string[] {
  const problems: string[] = [];
  if (typeof candidate !== 'object' || candidate === null) return ['The descriptor is not a JSON object.'];
  const descriptor = candidate as Partial<FdpDescriptor>;
  if (typeof descriptor.name !== 'string' || !SLUG.test(descriptor.name)) {
    problems.push('name: a lower-case slug is required.');
  }
  if (typeof descriptor.title !== 'string' || descriptor.title.trim() === '')
    problems.push('title: required.');
  if (descriptor.profile !== undefined && descriptor.profile !== 'fiscal-data-package') {
    problems.push(`profile: "fiscal-data-package" expected, not "${String(descriptor.profile)}".`);
  }
  const resources = Array.isArray(descriptor.resources) ? descriptor.resources : [];
  if (resources.length === 0) problems.push('resources: at least one is required.');
  const fieldsOf = new Map<string, Set<string>>();
  for (const [index, resource] of resources.entries()) {
    if (typeof resource?.name !== 'string' || resource.name === '')
      problems.push(`resources[${index}].name: required.`);
    if (typeof resource?.path !== 'string' || resource.path === '')
      problems.push(`resources[${index}].path: required.`);
    const fields = resource?.schema?.fields;
    if (!Array.isArray(fields) || fields.length === 0) {
      problems.push(`resources[${index}].schema.fields: required.`);
      continue;
    }
    fieldsOf.set(resource.name, new Set(fields.map((field) => field.name)));
  }
  const hasColumn = (source: string, resource?: string) =>
    resource !== undefined
      ? (fieldsOf.get(resource)?.has(source) ?? false)
      : [...fieldsOf.values()].some((fields) => fields.has(source));

  const model = descriptor.model ?? descriptor.mapping;
  if (!model || typeof model !== 'object') return [...problems, 'model: required (measures and dimensions).'];
  const measures = Object.entries(model.measures ?? {});
  if (measures.length === 0) problems.push('model.measures: at least one is required.');
  for (const [name, measure] of measures) {
    if (typeof measure?.source !== 'string') problems.push(`model.measures.${name}.source: required.`);
    else if (!hasColumn(measure.source, measure.resource)) {
      problems.push(`model.measures.${name}.source: no resource has the field "${measure.source}".`);
    }
    if (measure?.currency !== undefined && !/^[A-Z]{3}$/.test(measure.currency)) {
      problems.push(`model.measures.${name}.currency: an ISO 4217 code expected.`);
    }
  }
  for (const [name, dimension] of Object.entries(model.dimensions ?? {})) {
    const attributes = Object.entries(dimension?.attributes ?? {});
    if (attributes.length === 0)
      problems.push(`model.dimensions.${name}.attributes: at least one is required.`);
    for (const [attributeName, attribute] of attributes) {
      if (typeof attribute?.source !== 'string' || !hasColumn(attribute.source, attribute.resource)) {
        problems.push(`model.dimensions.${name}.attributes.${attributeName}.source: no such field.`);
      }
      if (attribute?.labelfor !== undefined && !dimension.attributes[attribute.labelfor]) {
        problems.push(`model.dimensions.${name}.attributes.${attributeName}.labelfor: no such attribute.`);
      }
      if (attribute?.parent !== undefined && !dimension.attributes[attribute.parent]) {
        problems.push(`model.dimensions.${name}.attributes.${attributeName}.parent: no such attribute.`);
      }
    }
    for (const key of [dimension?.primaryKey ?? []].flat()) {
      if (!dimension.attributes?.[key])
        problems.push(`model.dimensions.${name}.primaryKey: no attribute "${key}".`);
    }
  }
  return problems;
}

function parseMeasure(raw: string | undefined, where: string): number {
  const text = (raw ?? '').trim();
  if (text === '') return 0;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new FdpError(`${where}: "${text}" is not a number.`);
  return value;
}

/**
 * Reads a package whose descriptor is in hand and whose resources `readResource` returns as
 * text, given their path in the descriptor.
 */
export function readFiscalDataPackage(
  candidate: unknown,
  readResource: (resourcePath: string) => string,
): FiscalDataPackage {
  const problems = validateFiscalDataPackage(candidate);
  if (problems.length > 0) throw new FdpError(`Not a valid Fiscal Data Package: ${problems.join(' ')}`);
  const descriptor = candidate as FdpDescriptor;
  const model = (descriptor.model ?? descriptor.mapping)!;
  const rows: FdpRow[] = [];
  for (const resource of descriptor.resources) {
    const fields = new Set(resource.schema!.fields.map((field) => field.name));
    const measures = Object.entries(model.measures).filter(([, measure]) =>
      measure.resource !== undefined ? measure.resource === resource.name : fields.has(measure.source),
    );
    // A resource without a measure holds no facts (a code list, for instance).
    if (measures.length === 0) continue;
    const records = parse<Record<string, string>>(readResource(resource.path!), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    });
    for (const [index, record] of records.entries()) {
      const row: FdpRow = { resource: resource.name, measures: {}, dimensions: {} };
      for (const [name, measure] of measures) {
        row.measures[name] =
          parseMeasure(record[measure.source], `${resource.path} row ${index + 2}, ${measure.source}`) *
          (measure.factor ?? 1);
      }
      for (const [name, dimension] of Object.entries(model.dimensions)) {
        const values: Record<string, string> = {};
        for (const [attributeName, attribute] of Object.entries(dimension.attributes)) {
          if (attribute.resource !== undefined && attribute.resource !== resource.name) continue;
          const value = record[attribute.source];
          if (value !== undefined) values[attributeName] = value;
        }
        if (Object.keys(values).length > 0) row.dimensions[name] = values;
      }
      rows.push(row);
    }
  }
  return { descriptor, model, rows };
}

/** Reads a package from its folder (datapackage.json and the resources it names). */
export async function loadFiscalDataPackage(folder: string): Promise<FiscalDataPackage> {
  const descriptor = JSON.parse(await readFile(path.join(folder, 'datapackage.json'), 'utf8')) as unknown;
  const texts = new Map<string, string>();
  for (const resource of (descriptor as Partial<FdpDescriptor>).resources ?? []) {
    if (typeof resource?.path !== 'string') continue;
    // Resource paths are relative to the package: none may leave its folder.
    const file = path.resolve(folder, resource.path);
    if (!file.startsWith(path.resolve(folder) + path.sep))
      throw new FdpError(`Resource path leaves the package: ${resource.path}`);
    texts.set(resource.path, await readFile(file, 'utf8'));
  }
  return readFiscalDataPackage(descriptor, (resourcePath) => texts.get(resourcePath) ?? '');
}

/** Sums one measure by the value of one dimension attribute (e.g. amount by year). */
export function totalsBy(rows: readonly FdpRow[], measure: string, dimension: string, attribute: string) {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = row.dimensions[dimension]?.[attribute] ?? '';
    totals.set(key, (totals.get(key) ?? 0) + (row.measures[measure] ?? 0));
  }
  return totals;
}
