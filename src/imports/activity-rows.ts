import type { EntityManager } from 'typeorm';
import { activityInputProblems } from '../activities/activity-rules';
import { CreateActivityDto } from '../activities/dto';

import { dtoErrors, detailsToErrors } from './api-rules';
import { RowCells } from './cells';
import type { ReportBuilder } from './import-report';
import type { RecordImporter, RecordImportScope } from './record-import-kind';
import type { SourceRow } from './row-source';

const keyOf = (date: string, kind: string, title: string) => `${date} ${kind} ${title.toLowerCase()}`;

// Training activities; natural key date + kind + title (title compared without letter case).
export class ActivityImporter implements RecordImporter {
  private existing: Set<string> | null = null;
  private readonly inFile = new Map<string, number>();
  private created = 0;

  constructor(private readonly scope: RecordImportScope) {}

  async chunk(em: EntityManager, rows: SourceRow[], report: ReportBuilder, commit: boolean): Promise<void> {
    if (!this.existing) {
      const have: { date: string; kind: string; title: string }[] = await em.query(
        `SELECT date::text AS date, kind::text AS kind, title FROM training_activities WHERE trainee_id = $1`,
        [this.scope.traineeId],
      );
      this.existing = new Set(have.map((a) => keyOf(a.date, a.kind, a.title)));
    }
    const insert: CreateActivityDto[] = [];
    for (const src of rows) {
      const c = new RowCells(src.cells, src.formulas);
      const value = {
        date: c.date('date'),
        kind: c.required('kind'),
        title: c.required('title'),
        provider: c.required('provider'),
        hours: c.number('hours'),
        delivery: c.required('delivery'),
        evidenceRef: c.text('evidence_ref') ?? null,
      };
      const key = keyOf(value.date ?? '', value.kind ?? '', value.title ?? '');
      const { dto, errors } = dtoErrors(CreateActivityDto, dropUndefined(value));
      const rule = detailsToErrors(activityInputProblems(dto, this.scope.now));
      const all = mergeErrors(c.errors, errors, rule);
      if (all.length) {
        report.add(src.row, 'error', key, all);
        continue;
      }
      if (this.existing.has(key)) {
        report.add(src.row, 'match', key, [], 'already in the record');
        continue;
      }
      const first = this.inFile.get(key);
      if (first !== undefined) {
        report.add(src.row, 'skip', key, [], `the same activity as row ${first}`);
        continue;
      }
      this.inFile.set(key, src.row);
      report.add(src.row, 'create', key);
      insert.push(dto);
    }
    if (commit && insert.length) {
      await em.query(
        `INSERT INTO training_activities (trainee_id, kind, title, provider, hours, delivery, date, evidence_ref)
         SELECT $1, k::training_activity_kind, t, p, h, d::training_activity_delivery, dt, e
           FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::date[], $8::text[]) AS x(k, t, p, h, d, dt, e)`,
        [
          this.scope.traineeId,
          insert.map((a) => a.kind),
          insert.map((a) => a.title),
          insert.map((a) => a.provider),
          insert.map((a) => a.hours),
          insert.map((a) => a.delivery),
          insert.map((a) => a.date),
          insert.map((a) => a.evidenceRef ?? null),
        ],
      );
    }
    this.created += insert.length;
  }

  async finish(): Promise<Record<string, unknown>> {
    return { activitiesCreated: this.created };
  }
}

export function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Errors of one row, each field named once by its first-found problem source (cell reading comes first). */
export function mergeErrors(...lists: { field: string; message: string }[][]): { field: string; message: string }[] {
  const cellFields = new Set(lists[0].map((e) => e.field));
  return [...lists[0], ...lists.slice(1).flatMap((l) => l.filter((e) => !cellFields.has(e.field)))];
}
