// Import boundaries of src/ (run by `npm run lint`, after eslint). Read README "Architecture" for the map.
//
// 1. The shared folders import no feature: config/ imports nothing else in src/, common/ only config/, database/
//    only config/ and common/. What they need from a feature is passed in by the composition root (src/*.ts).
// 2. No cycle between folders of src/ (a folder depends on another when one of its files imports one of the
//    other's), and no cycle between modules, except between TypeORM entities that name each other in relations.
//
// Folder cycles that existed when the check came in (issue 11) are listed edge by edge in
// .dependency-cruiser-known-folder-cycles.json: those edges may stay until someone removes them, but a new edge
// that closes a cycle fails, and so does a listed edge that is no longer on a cycle (scripts/lint-boundaries.mjs:
// delete it, so the cycle cannot come back unnoticed). dependency-cruiser 17 has no `--ignore-known` baseline for
// folder-level rules, hence the list. Why they exist:
// - audit, auth, bodies, idempotency, users: the account flows in auth/ (sign-in, register, sessions) use users/,
//   bodies/ and audit/'s UnitOfWork, while every controller (users/, bodies/, audit/) uses auth/'s decorators and
//   permissions; and UnitOfWork completes idempotency keys (audit → idempotency), whose entity relates to User
//   (→ users), while users/ writes through UnitOfWork. Removing it takes splitting auth/ into the permission kernel
//   and the account flows (change-password and revoke-sessions moving with the flows), and UnitOfWork reaching the
//   idempotency key through an interface (or the key's entity losing its User relation).
// - cases, measures: outcome measures belong to a case, and a case's reply carries its measures.
// - accreditations, credentials: an accreditation is signed as a credential when issued; credentials read it.
// - activities, supervision: the shared "future date" rule sits in activities/ (the calendar module takes it).

/** @type {Record<string, string[]>} folder → folders it may import although that edge is on a cycle */
const KNOWN_FOLDER_EDGES = require('./.dependency-cruiser-known-folder-cycles.json').edges;

const folder = (name) => `^src/${name}$`;
const knownFrom = Object.keys(KNOWN_FOLDER_EDGES);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'config-imports-no-other-folder',
      comment: 'config/ is the bottom layer: the env schema and secrets, nothing else of src/',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/config/' },
    },
    {
      name: 'common-imports-no-feature',
      comment: 'common/ is small and generic: it may use config/, never a feature nor database/ (pass what it needs in)',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/(common|config)/' },
    },
    {
      name: 'database-imports-no-feature',
      comment: 'database/ builds the DataSource from what it is given (the entity list comes from src/entities.ts)',
      severity: 'error',
      from: { path: '^src/database/' },
      to: { path: '^src/', pathNot: '^src/(common|config|database)/' },
    },
    {
      name: 'no-folder-cycle',
      comment: 'two folders must not import each other, directly or through others',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src(/|$)', pathNot: knownFrom.map(folder) },
      to: { circular: true },
    },
    ...knownFrom.map((from) => ({
      name: 'no-folder-cycle',
      comment: `known cycles of ${from}/ (KNOWN_FOLDER_EDGES); any other edge of ${from}/ on a cycle fails`,
      severity: 'error',
      scope: 'folder',
      from: { path: folder(from) },
      to: { circular: true, pathNot: KNOWN_FOLDER_EDGES[from].map(folder) },
    })),
    {
      name: 'no-module-cycle',
      comment: 'a module cycle, other than entities naming each other in TypeORM relations (resolved lazily)',
      severity: 'error',
      from: {},
      to: { circular: true, via: { pathNot: '\\.entity\\.ts$' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // type-only imports count: a cycle of types is still a cycle for the reader
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
