import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { schemeAdminGrant } from '../access/scheme-administration';
import { calibratedRaters } from '../calibration/calibrated-raters';
import { todayUtc } from '../common/dates';
import { conflict, notFound } from '../common/errors';
import type { FileDownload } from '../common/file-download';
import type { AuthedCtx } from '../common/request-context';
import { tableToCsv } from '../exports/tabular';
import { evaluateLevel, levelMet } from '../schemes/evaluate-level';
import { evaluationContext, needsCalibration, needsRecognitions, ProgressService } from '../schemes/progress.service';
import { publishedRecognitions } from '../schemes/recognition-lookups';
import { RecordLoader } from '../schemes/record-loader';
import { partsRead } from '../schemes/rules/record-parts';
import type { EvaluationContext } from '../schemes/person-record';
import type { LevelDef, RuleDef, SchemeDefinition } from '../schemes/scheme-definition';
import { Scheme, SchemeVersion, SchemeVersionStatus } from '../schemes/scheme.entity';
import type { WhatIfDto, WhatIfQuery, WhatIfRowDto } from './dto';
import { diffReports, emptySummary, type LevelSummary, type LevelVerdict, ruleInWords, tally } from './what-if-diff';

interface Versioned {
  definition: SchemeDefinition;
  levels: LevelDef[];
  ctx: EvaluationContext;
}

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
// RecordLoader (the same dozen queries for 2,000 people as for one), and each record evaluated by the pure
// evaluateLevel under the version in force today and under the draft. Only the changed (person, level) rows are
// kept. It only reads (SELECTs, no transaction: each chunk's queries run side by side from the pool, the next chunk
// read while this one is evaluated).
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
    // for each draft level, the index of the identical level of the version in force (if any)
    const key = (v: Versioned, i: number) =>
      JSON.stringify([v.levels[i], v.definition.noun, v.definition.phaseBoundaries, v.definition.groupCredit ?? null]);
    const beforeKeys = before.levels.map((_, i) => key(before, i));
    const same = after.levels.map((_, i) => {
      const j = beforeKeys.indexOf(key(after, i));
      return j < 0 ? undefined : j;
    });
    // within a draft level that changed, each rule identical to one of the version in force (same rule, same group, same
    // scheme settings the rules read from the context) has that rule's report: where it is, found once for all people
    const ruleKey = (v: Versioned, group: string, rule: RuleDef) =>
      JSON.stringify([group, rule, v.definition.phaseBoundaries, v.definition.groupCredit ?? null]);
    const awardRules = (l: LevelDef) => [
      ...l.prerequisites.map((rule) => ['prerequisites', rule] as const),
      ...l.requirements.map((rule) => ['requirements', rule] as const),
    ];
    const beforeRuleAt = new Map<string, [level: number, rule: number]>();
    before.levels.forEach((l, j) =>
      awardRules(l).forEach(([group, rule], k) => {
        const rk = ruleKey(before, group, rule);
        if (!beforeRuleAt.has(rk)) beforeRuleAt.set(rk, [j, k]);
      }),
    );
    const verdictOnly = before.levels.map((_, j) => same.includes(j));
    const sameRule = new Map<RuleDef, [level: number, rule: number]>();
    after.levels.forEach((l, i) => {
      if (same[i] === undefined)
        for (const [group, rule] of awardRules(l)) {
          const at = beforeRuleAt.get(ruleKey(after, group, rule));
          if (at) sameRule.set(rule, at);
        }
    });
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
    for await (const records of this.loader.loadChunks(
      people.map((p) => p.id),
      // only the parts of the records the two versions' rules read
      { calibratedRaters: calibrated, parts: partsRead([...before.levels, ...after.levels]) },
      em,
    )) {
      for (const record of records) {
        // a level the draft keeps as it was cannot change: its verdict is all the summary needs (rules evaluated until the
        // first not met); the other levels are reported in full, their rules named if the verdict changes
        const reports: LevelVerdict[] = before.levels.map((l, j) =>
          verdictOnly[j]
            ? { levelCode: l.code, levelName: l.name, met: levelMet(l, record, before.ctx), rules: [] }
            : evaluateLevel(before.definition, l, record, before.ctx),
        );
        // a level the draft leaves as it was (same rules, same scheme settings) has the same report: not evaluated twice
        const draftReports = after.levels.map((l, i) =>
          same[i] !== undefined
            ? reports[same[i]]!
            : evaluateLevel(after.definition, l, record, after.ctx, 'award', (rule) => {
                const at = sameRule.get(rule);
                return at && reports[at[0]]!.rules[at[1]];
              }),
        );
        const changes = diffReports(reports, draftReports);
        tally(summary, changes);
        const p = byId.get(record.personId)!;
        for (const c of changes)
          if (c.change !== 'unchanged') changed.push({ personId: p.id, name: p.name, email: p.email, ...c, change: c.change });
      }
    }
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
