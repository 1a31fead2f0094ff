/** TypeBox schemas of the import routes: validation, types and OpenAPI in one place. */
import { Type, type Static } from '@sinclair/typebox';
import {
  importReport,
  ImportProblem,
  ImportQuery as BaseImportQuery,
} from '../../../platform/http/imports.ts';
import { PageQuery } from '../../../platform/http/paging.ts';

export const SHOWN_CHANGES = 200;

/** The one import contract's query (dryRun, applyValid) and the date the changes took effect. */
export const ImportQuery = Type.Object({
  ...BaseImportQuery.properties,
  effectiveDate: Type.Optional(
    Type.String({ format: 'date', description: 'When the changes took effect; unknown when absent.' }),
  ),
});
export type ImportQuery = Static<typeof ImportQuery>;

const Counts = Type.Object({
  added: Type.Integer(),
  renamed: Type.Integer(),
  moved: Type.Integer(),
  retyped: Type.Integer(),
  removed: Type.Integer(),
});

const UnitsRead = Type.Object(
  { 1: Type.Integer(), 2: Type.Integer(), 3: Type.Integer(), 4: Type.Integer() },
  { description: 'Units read per level: 1 provinces, 2 districts, 3 communes, 4 villages.' },
);

const Summary = Type.Object({
  counts: Counts,
  unitsRead: UnitsRead,
  problems: Type.Integer(),
  skipped: Type.Integer({ description: 'Units left out because of a problem on their row or an ancestor.' }),
  urbanFollowers: Type.Integer({ description: "Villages whose urban status follows their commune's." }),
  spellingVariants: Type.Integer({
    description: 'Names the files spell differently from the tree (not renames; left as they are).',
  }),
});

const RowSource = Type.Object({
  file: Type.String(),
  sheet: Type.Optional(Type.String()),
  row: Type.Optional(Type.Integer({ description: '1-based, as a spreadsheet program shows it.' })),
});

/** A problem in the ImportProblem shape, with the row and the unit code it concerns as before. */
export const ImportProblemItem = Type.Object({
  ...ImportProblem.properties,
  source: RowSource,
  unitCode: Type.Optional(Type.String()),
});
export type ImportProblemItem = Static<typeof ImportProblemItem>;

const Attributes = Type.Record(Type.String(), Type.Unknown());

export const ImportChangeItem = Type.Object({
  kind: Type.Union(['added', 'renamed', 'moved', 'retyped', 'removed'].map((kind) => Type.Literal(kind))),
  code: Type.String(),
  before: Type.Union([Attributes, Type.Null()]),
  after: Type.Union([Attributes, Type.Null()]),
  legalReference: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([RowSource, Type.Null()]),
});
export type ImportChangeItem = Static<typeof ImportChangeItem>;

/** The one import report (platform/http/imports.ts) and what the gazetteer import would change. */
const GazetteerImportReport = importReport('GazetteerImportReport', {
  importId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The import recorded; null for a dry run or when nothing had to change.',
  }),
  format: Type.String({ description: 'ncdd-workbook, ncdd-flat, pumi, csv or unreadable.' }),
  summary: Summary,
  changes: Type.Array(ImportChangeItem, {
    description: `The first ${SHOWN_CHANGES} changes, in code order.`,
  }),
  totalChanges: Type.Integer(),
});

/** Its problems also say which row and unit, as the gazetteer's did before the one contract. */
export const ImportResult = Type.Object(
  {
    ...GazetteerImportReport.properties,
    problems: Type.Array(ImportProblemItem, { description: 'Every problem found.' }),
  },
  { $id: 'GazetteerImportReport', title: 'GazetteerImportReport' },
);
export type ImportResult = Static<typeof ImportResult>;

export const ImportListQuery = PageQuery;

export const ImportListItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  fileNames: Type.Array(Type.String()),
  fileChecksums: Type.Array(Type.String()),
  effectiveDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  dryRun: Type.Boolean(),
  summary: Type.Unknown(),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ImportListItem = Static<typeof ImportListItem>;
