/**
 * The module boundaries of docs/architecture.md ("Dependency rules"), enforced by
 * dependency-cruiser: `npm run check` runs them through scripts/check-boundaries.mjs, which adds
 * the one rule dependency-cruiser cannot say by itself (no cycle between modules, counted per
 * module rather than per file). Why these rules and their exceptions: docs/adr/0011.
 *
 * Paths are relative to the repository root. `$1`, `$2` in a `to` refer to the groups of the
 * rule's `from.path`. Type-only imports count like any other (tsPreCompilationDeps).
 */

/** `modules/<name>/index.ts` (or `.tsx` on the web): the one door of a module. */
const API_INDEX = '^api/src/modules/[^/]+/index\\.ts$';
const WEB_INDEX = '^web/src/modules/[^/]+/index\\.tsx?$';
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    // ---- API ------------------------------------------------------------------------------
    {
      name: 'api-module-through-index',
      severity: 'error',
      comment:
        "A module uses another module only through that module's index.ts, never its services, " +
        'queries, tables or helpers (type-only imports too; tests too). Export what is needed ' +
        "from the other module's index.ts, or ask for it through a port.",
      from: { path: '^api/src/modules/([^/]+)/' },
      to: { path: '^api/src/modules/[^/]+/', pathNot: ['^api/src/modules/$1/', API_INDEX] },
    },
    {
      name: 'api-platform-imports-no-module',
      severity: 'error',
      comment:
        'platform/ depends on no module (tests included): modules depend on the platform, never the ' +
        'other way round. Put the shared piece in platform/, or have the module hand it over ' +
        'through its manifest.',
      from: { path: '^api/src/platform/' },
      to: { path: '^api/src/modules/' },
    },
    {
      name: 'api-no-composition-root',
      severity: 'error',
      comment:
        'Only the composition root (modules.ts) and the entry points (app.ts, main.ts, cli/) know ' +
        'the set of modules: code of platform/ and modules/ never imports them. A module command ' +
        'that needs the whole platform belongs in cli/, which builds it and calls the module.',
      from: { path: '^api/src/(platform|modules)/', pathNot: TEST },
      to: { path: '^api/src/(modules\\.ts|app\\.ts|main\\.ts|cli/)' },
    },
    {
      name: 'api-tests-build-the-app-not-run-it',
      severity: 'error',
      comment:
        'A test may import modules.ts and app.ts (to build the app or read the module list), ' +
        'never main.ts or cli/ (they start a process).',
      from: { path: `^api/src/(platform|modules)/.*${TEST}` },
      to: { path: '^api/src/(main\\.ts|cli/)' },
    },
    {
      name: 'api-entry-through-index',
      severity: 'error',
      comment:
        'The composition root and the entry points (modules.ts, app.ts, main.ts, cli/, test-support/) ' +
        'use a module only through its index.ts, like another module would: export what they need ' +
        "from the module's index.ts.",
      from: { path: '^api/src/', pathNot: '^api/src/(modules|platform)/' },
      // A module that lives inside another's folder (Open311 in services/) has its own index.ts.
      to: { path: '^api/src/modules/', pathNot: [API_INDEX, '^api/src/modules/[^/]+/[^/]+/index\\.ts$'] },
    },
    {
      name: 'api-test-support-only-in-tests',
      severity: 'error',
      comment: 'api/src/test-support/ is for *.test.ts files only; running code never imports it.',
      from: { path: '^api/src/', pathNot: [TEST, '^api/src/test-support/'] },
      to: { path: '^api/src/test-support/' },
    },

    // ---- Web ------------------------------------------------------------------------------
    {
      name: 'web-shared-imports-no-module',
      severity: 'error',
      comment:
        'components/ and lib/ are shared by every module and depend on none: move the piece they ' +
        'need into lib/ (or components/), or have the module pass it in as a prop.',
      from: { path: '^web/src/(components|lib)/' },
      to: { path: '^web/src/modules/' },
    },
    {
      name: 'web-module-through-index',
      severity: 'error',
      comment:
        "A web module uses another module only through that module's index.ts(x) (type-only " +
        "imports too). Export what is needed from the other module's index, or move shared code " +
        'to lib/ or components/.',
      from: { path: '^web/src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^web/src/modules/[^/]+/', pathNot: ['^web/src/modules/$1/', WEB_INDEX] },
    },
    {
      name: 'web-app-through-index',
      severity: 'error',
      comment:
        'The app shell (app/: router, menu, layout), the portal pages and main.tsx use a module only ' +
        'through its index.ts(x), where the module declares its routes, menu entries and parts.',
      from: { path: '^web/src/', pathNot: '^web/src/(modules|components|lib)/' },
      to: { path: '^web/src/modules/', pathNot: WEB_INDEX },
    },
    {
      name: 'web-module-no-app-shell',
      severity: 'error',
      comment:
        'A web module never imports the app shell (app/, main.tsx), which is built from the modules: ' +
        'use what lib/ and components/ offer, or hooks (useQueryClient) instead.',
      from: { path: '^web/src/modules/' },
      to: { path: '^web/src/(app/|main\\.tsx$)' },
    },
    {
      // The same for tests, with one exception: a catalogue test checks that the texts its
      // pages show exist, and the error texts of a related module's API live in that module's
      // catalogue (loaded with it at run time). Data, not code: see ADR 0011.
      name: 'web-module-through-index',
      severity: 'error',
      comment:
        "A web module's test uses another module only through that module's index.ts(x); it " +
        "may read the other module's catalogues (locales/*.json), nothing else.",
      from: { path: `^web/src/modules/([^/]+)/.*${TEST}` },
      to: {
        path: '^web/src/modules/[^/]+/',
        pathNot: ['^web/src/modules/$1/', WEB_INDEX, '^web/src/modules/[^/]+/locales/[^/]+\\.json$'],
      },
    },

    // ---- Cycles ---------------------------------------------------------------------------
    {
      name: 'no-file-cycle-across-modules',
      severity: 'error',
      comment:
        'This import closes a cycle that runs through another module: modules depend on each ' +
        'other in one direction only. Invert one side (a port, or an event) to break it.',
      from: { path: '^(api|web)/src/modules/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^$1/src/modules/$2/' } },
    },
    {
      name: 'no-cycle-within-module',
      severity: 'warn',
      comment:
        'A cycle between files of one module: harmless to the boundaries, but a sign that two ' +
        'files belong together or that a piece should move out of both.',
      from: { path: '^(api|web)/src/modules/([^/]+)/' },
      to: { circular: true, viaOnly: { path: '^$1/src/modules/$2/' } },
    },
    {
      name: 'no-cycle-outside-modules',
      severity: 'error',
      comment: 'A cycle between files of the platform, the app shell or shared code.',
      from: { path: '^(api|web)/src/', pathNot: '^(api|web)/src/modules/' },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^(api|web)/src/',
    exclude: { path: '(^|/)(node_modules|dist)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
