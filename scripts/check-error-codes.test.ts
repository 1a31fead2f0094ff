/**
 * The error-code check (scripts/check-error-codes.ts) on small made-up inputs: a code without a
 * text fails it; a code raised in the source but declared nowhere is reported (an error, or a
 * warning when so told); codes built at run time are expanded from the registries.
 */
import { describe, expect, it } from 'vitest';
import { checkErrorCodes, formatReport, type Catalogue } from './check-error-codes.ts';

const registries = [
  { owner: 'platform', codes: ['http.route_not_found'] },
  {
    owner: 'gazetteer',
    codes: ['gazetteer.unit.unknown', 'gazetteer.import.bad_code', 'gazetteer.import.unreadable'],
  },
];

/** Texts for every code of the registries above, in both languages. */
const texts = (codes: string[]): Catalogue[] =>
  (['km', 'en'] as const).map((lang) => ({
    file: `web/src/locales/${lang}.json`,
    lang,
    texts: Object.fromEntries(codes.map((code) => [`errors.${code}`, `${lang} text of ${code}`])),
  }));
const ALL = [
  'http.route_not_found',
  'gazetteer.unit.unknown',
  'gazetteer.import.bad_code',
  'gazetteer.import.unreadable',
];

const service = (text: string) => [{ file: 'api/src/modules/gazetteer/gazetteer.service.ts', text }];

describe('the error-code check', () => {
  it('passes when every code has a Khmer and an English text', () => {
    const report = checkErrorCodes({
      registries,
      sources: service("throw fail('gazetteer.unit.unknown');"),
      catalogues: texts(ALL),
    });
    expect(report.missingTexts).toEqual([]);
    expect(report.undeclared).toEqual([]);
    expect(formatReport(report, 'error').failed).toBe(false);
  });

  it('fails on a code of a registry that has no text, naming the code and the language', () => {
    const catalogues = texts(ALL);
    delete catalogues[0]!.texts['errors.gazetteer.import.bad_code']; // no Khmer text
    catalogues[1]!.texts['errors.gazetteer.unit.unknown'] = ' '; // an empty English text
    const report = checkErrorCodes({ registries, sources: [], catalogues });
    expect(report.missingTexts.map(({ code, langs }) => [code, langs])).toEqual([
      ['gazetteer.import.bad_code', ['km']],
      ['gazetteer.unit.unknown', ['en']],
    ]);
    const { failed, lines } = formatReport(report, 'warn');
    expect(failed).toBe(true);
    expect(lines.join('\n')).toMatch(/gazetteer\.import\.bad_code\s+km\s+gazetteer registry/);
  });

  it('reads module catalogues with the shared ones: a text in either counts', () => {
    const [km, en] = texts(ALL);
    const moduleKm = { file: 'web/src/modules/gazetteer/locales/km.json', lang: 'km' as const, texts: {} };
    const report = checkErrorCodes({
      registries,
      sources: [],
      catalogues: [{ ...km!, texts: {} }, en!, { ...moduleKm, texts: km!.texts }],
    });
    expect(report.missingTexts).toEqual([]);
  });

  it('reports a code raised in the source but in no registry, and fails unless told to warn', () => {
    const report = checkErrorCodes({
      registries,
      sources: service(
        [
          "throw fail('gazetteer.unit.gone');",
          "throw new AppError(409, 'gazetteer.unit.busy', 'Busy.');",
          "problems.push({ code: 'gazetteer.import.too_long', row: 3 });",
          "throw bad(kind === 'a' ? 'gazetteer.merge.same_unit' : 'gazetteer.unit.unknown', 'x');",
        ].join('\n'),
      ),
      catalogues: texts(ALL),
    });
    expect(report.undeclared.map(({ code, where }) => [code, where])).toEqual([
      ['gazetteer.import.too_long', ['api/src/modules/gazetteer/gazetteer.service.ts:3']],
      ['gazetteer.merge.same_unit', ['api/src/modules/gazetteer/gazetteer.service.ts:4']],
      ['gazetteer.unit.busy', ['api/src/modules/gazetteer/gazetteer.service.ts:2']],
      ['gazetteer.unit.gone', ['api/src/modules/gazetteer/gazetteer.service.ts:1']],
    ]);
    // They can be answered, so they need texts as well.
    expect(report.missingTexts.map(({ code }) => code)).toContain('gazetteer.unit.gone');
    const complete = checkErrorCodes({
      registries,
      sources: service("throw fail('gazetteer.unit.gone');"),
      catalogues: texts([...ALL, 'gazetteer.unit.gone']),
    });
    expect(formatReport(complete, 'error').failed).toBe(true);
    expect(formatReport(complete, 'warn').failed).toBe(false);
    expect(formatReport(complete, 'warn').lines.join('\n')).toContain('! 1 code(s) raised in the source');
  });

  it('expands a code built at run time from the registries, and reports one that matches none', () => {
    const report = checkErrorCodes({
      registries,
      sources: service(
        'problems.push({ code: `gazetteer.import.${kind}`, row });\n' +
          'throw fail(`gazetteer.split.${reason}`);\n' +
          'throw bad(`${prefix}.bad_amount`, "x");\n',
      ),
      catalogues: texts(['http.route_not_found', 'gazetteer.unit.unknown', 'gazetteer.import.bad_code']),
    });
    expect(report.missingTexts.map(({ code }) => code)).toEqual(['gazetteer.import.unreadable']);
    expect(report.undeclared.map(({ code, template }) => [code, template])).toEqual([
      ['${prefix}.bad_amount', true],
      ['gazetteer.split.${reason}', true],
    ]);
    expect(report.counts.inSource).toBe(2); // the two gazetteer.import codes
  });

  it('leaves out comments, permissions, audit actions and other dotted names', () => {
    const report = checkErrorCodes({
      registries,
      sources: service(
        [
          "// throw fail('gazetteer.unit.old')",
          "/** Answers `fail('gazetteer.unit.older')`. */",
          "requirePermission(request, 'gazetteer.unit.edit');",
          "ctx.audit.write(trx, actor, { action: 'gazetteer.unit.create', entityType: 'gazetteer.unit' });",
          "const permission = { code: 'gazetteer.unit.edit' };",
          "sql.ref('gazetteer_unit.code');",
        ].join('\n'),
      ),
      catalogues: texts(ALL),
      ignore: new Set(['gazetteer.unit.edit']),
    });
    expect(report.undeclared).toEqual([]);
  });
});
