import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { schemeAdminGrant } from '../access/scheme-administration';
import { calibratedRaters } from '../calibration/calibrated-raters';
import { todayUtc } from '../common/dates';
import { conflict, notFound } from '../common/errors';
import type { FileDownload } from '../common/file-download';
import type { AuthedCtx } from '../common/request-context';
import { tableToCsv } from '../exports/tabular';
import { evaluationContext, needsCalibration, needsRecognitions, ProgressService } from '../schemes/progress.service';
import { publishedRecognitions } from '../schemes/recognition-lookups';
import { RecordLoader } from '../schemes/record-loader';
import type { PersonRecord } from '../schemes/person-record';
import type { RecordPart } from '../schemes/rules/record-parts';
import type { SchemeDefinition } from '../schemes/scheme-definition';
import { Scheme, SchemeVersion, SchemeVersionStatus } from '../schemes/scheme.entity';
import type { WhatIfDto, WhatIfQuery, WhatIfRowDto } from './dto';
import { emptySummary, type LevelSummary, ruleInWords, tally } from './what-if-diff';
import { planWhatIf, type Versioned } from './what-if-plan';

export interface WhatIfResult {
  scheme: Scheme;
  draft: SchemeVersion;
  current: SchemeVersion;
  asOf: string;
  people: number;
  levels: LevelSummary[];
  changed: WhatIfRowDto[];
  elapsedMs: number;
}

// The whole-body what-if of a draft scheme version. The population (everyone enrolled in the scheme, every holder
// of one of its accreditations) is read once, their records loaded a chunk of people at a time with the set-based
// RecordLoader (the same dozen queries for 2,000 people as for one), and each record compared under the version in
// force today and under the draft by the pure plan (what-if-plan.ts). Records are loaded without their bulk first
// (cases, sessions, measures, ratings); only the people whose verdicts depend on it are loaded whole. Only the changed
// (person, level) rows are kept. It only reads (SELECTs, no transaction: each chunk's queries run side by side from the
// pool, the next chunk read while this one is evaluated).
@Injectable()
export class WhatIfService {
  constructor(
    private readonly db: DataSource,
    private readonly progress: ProgressService,
    private readonly loader: RecordLoader,
  ) {}

  async whatIf(ctx: AuthedCtx, bodyId: string, schemeId: string, versionId: string, q: WhatIfQuery): Promise<WhatIfDto> {
    const r = await this.run(ctx, bodyId, schemeId, versionId);
    const offset = q.offset ?? 0,
      limit = q.limit ?? 500;
    return {
      schemeId: r.scheme.id,
      draftVersionId: r.draft.id,
      draftVersionNumber: r.draft.versionNumber,
      currentVersionId: r.current.id,
      currentVersionNumber: r.current.versionNumber,
      asOf: r.asOf,
      people: r.people,
      levels: r.levels,
      changedTotal: r.changed.length,
      offset,
      limit,
      changed: r.changed.slice(offset, offset + limit),
      elapsedMs: r.elapsedMs,
    };
  }

  async csv(ctx: AuthedCtx, bodyId: string, schemeId: string, versionId: string): Promise<FileDownload> {
    const r = await this.run(ctx, bodyId, schemeId, versionId);
    const verdict = (v: boolean | null) => (v === null ? 'not in version' : v ? 'met' : 'not met');
    const body = tableToCsv({
      title: 'What-if',
      columns: [
        { key: 'name', header: 'Name' },
        { key: 'email', header: 'E-mail' },
        { key: 'level', header: 'Level' },
        { key: 'before', header: `Version ${r.current.versionNumber} (in force)` },
        { key: 'after', header: `Version ${r.draft.versionNumber} (draft)` },
        { key: 'change', header: 'Change' },
        { key: 'rules', header: 'Rules that changed' },
      ],
      rows: r.changed.map((x) => ({
        name: x.name,
        email: x.email,
        level: `${x.levelName} (${x.levelCode})`,
        before: verdict(x.before),
        after: verdict(x.after),
        change: x.change === 'gain' ? 'gains' : 'loses',
        rules: x.rules.map(ruleInWords).join('; '),
      })),
    });
    return { filename: `what-if-${r.scheme.code}-v${r.draft.versionNumber}-${r.asOf}.csv`, contentType: 'text/csv; charset=utf-8', body };
  }

  async run(ctx: AuthedCtx, bodyId: string, schemeId: string, versionId: string): Promise<WhatIfResult> {
    const em = this.db.manager;
    const { scheme, draft, current } = await this.versions(em, ctx, bodyId, schemeId, versionId);
    return this.compare(em, scheme, draft, current);
  }

  /** The comparison itself, over the scheme's whole population (also what the bench times); the caller checked the versions. */
  async compare(em: EntityManager, scheme: Scheme, draft: SchemeVersion, current: SchemeVersion): Promise<WhatIfResult> {
    const started = performance.now();
    const schemeId = scheme.id;
    const asOf = todayUtc(new Date());
    const defs = [current.definition as SchemeDefinition, draft.definition as SchemeDefinition];
    const levelsOf = (d: SchemeDefinition) => [...d.levels].sort((a, b) => a.order - b.order);
    const calibrated = defs.some((d) => needsCalibration(d.levels)) ? await calibratedRaters(em, scheme.bodyId) : [];
    const recognitions = defs.some((d) => needsRecognitions(d.levels)) ? await publishedRecognitions(em, scheme.bodyId) : [];
    const [before, after] = defs.map((d) => ({
      definition: d,
      levels: levelsOf(d),
      ctx: evaluationContext(scheme, d, asOf, undefined, recognitions),
    })) as [Versioned, Versioned];
    const plan = planWhatIf(before, after);
    const people: { id: string; name: string; email: string }[] = await em.query(
      `SELECT u.id, u.display_name AS name, u.email FROM users u
        WHERE u.id IN (SELECT user_id FROM scheme_enrolments WHERE scheme_id = $1
                       UNION SELECT a.holder_id FROM accreditations a JOIN scheme_versions v ON v.id = a.scheme_version_id WHERE v.scheme_id = $1)
        ORDER BY u.id`,
      [schemeId],
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const summary = new Map<string, LevelSummary>();
    // every level of either version is listed, the draft's first, even where nobody is enrolled
    for (const l of [...after.levels, ...before.levels]) if (!summary.has(l.code)) summary.set(l.code, emptySummary(l.code, l.name));
    const changed: WhatIfRowDto[] = [];
    const evaluate = (record: PersonRecord) => {
      const changes = plan.compare(record);
      tally(summary, changes);
      const p = byId.get(record.personId)!;
      for (const c of changes)
        if (c.change !== 'unchanged') changed.push({ personId: p.id, name: p.name, email: p.email, ...c, change: c.change });
    };
    // Two passes when a rule reads the bulk of a record (cases with their sessions, measures, ratings). The first loads
    // everyone's record without it and settles each person whose verdicts the other rules decide (a level with a rule
    // not met is not met, whatever its case rules say); the second loads the others again with the bulk parts their
    // open levels read. Only the parts the two versions' rules read are loaded either way.
    const opts = { calibratedRaters: calibrated };
    const light = new Set([...plan.parts].filter((p) => !plan.bulk.has(p)));
    // people still open, by the bulk parts they need (usually one or two groups)
    const open = new Map<string, { parts: Set<RecordPart>; ids: string[] }>();
    if (plan.bulk.size)
      for await (const records of this.loader.loadChunks(
        people.map((p) => p.id),
        { ...opts, parts: light },
        em,
      ))
        for (const record of records) {
          const needed = plan.bulkNeeded(record);
          if (!needed.size) {
            evaluate(record);
            continue;
          }
          const key = [...needed].sort().join();
          const group = open.get(key) ?? open.set(key, { parts: new Set([...light, ...needed]), ids: [] }).get(key)!;
          group.ids.push(record.personId);
        }
    else open.set('', { parts: light, ids: people.map((p) => p.id) });
    for (const { parts, ids } of open.values())
      for await (const records of this.loader.loadChunks(ids, { ...opts, parts }, em)) for (const record of records) evaluate(record);
    changed.sort((a, b) =>
      a.change === b.change ? a.name.localeCompare(b.name) || a.levelCode.localeCompare(b.levelCode) : a.change === 'lose' ? -1 : 1,
    );
    return {
      scheme,
      draft,
      current,
      asOf,
      people: people.length,
      levels: [...summary.values()],
      changed,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  /** The draft and the version in force, checked: the caller administers the body, the scheme is the body's, the version its draft. */
  private async versions(em: EntityManager, ctx: AuthedCtx, bodyId: string, schemeId: string, versionId: string) {
    const scheme = await em.findOneBy(Scheme, { id: schemeId, bodyId });
    if (!scheme || !(await schemeAdminGrant(em, ctx.actor, bodyId))) throw notFound('Scheme version');
    const draft = await em.findOneBy(SchemeVersion, { id: versionId, schemeId });
    if (!draft) throw notFound('Scheme version');
    if (draft.status !== SchemeVersionStatus.Draft)
      throw conflict('NOT_A_DRAFT', 'Only a draft version can be compared with the version in force');
    const current = await this.progress.versionInForce(em, schemeId, todayUtc(new Date()));
    if (!current) throw conflict('NO_VERSION_IN_FORCE', 'The scheme has no published version in force to compare with');
    return { scheme, draft, current };
  }
}
