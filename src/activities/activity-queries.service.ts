import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { invalid, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { isUuid } from '../common/uuid';
import { toActivityDto } from './activity.mapper';
import { activityTotals, type TotalsRow } from './activity-totals';
import type { ActivityDto, ActivityTotalsDto, ListActivitiesQuery } from './dto';
import { TrainingActivity } from './training-activity.entity';

const READERS = ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'] as const;

// Reads of a trainee's activity log, for everyone who may see the record.
@Injectable()
export class ActivityQueriesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: RecordAccessService,
  ) {}

  async get(ctx: AuthedCtx, id: string): Promise<ActivityDto> {
    const row = await this.db.getRepository(TrainingActivity).findOneBy({ id });
    if (!row) throw notFound('Activity');
    await this.access.require(ctx.actor, row.traineeId, READERS, 'Activity');
    return toActivityDto(row);
  }

  async list(ctx: AuthedCtx, traineeId: string, q: ListActivitiesQuery): Promise<Page<ActivityDto>> {
    await this.access.require(ctx.actor, traineeId, READERS, 'Trainee');
    const limit = q.limit ?? 20;
    const sort = q.sort ?? 'date';
    const dir = (q.order ?? 'desc').toUpperCase() as 'ASC' | 'DESC';
    const cursor = decodeCursor(q.cursor, 2);
    const scope = this.access.readablePredicate(ctx.actor, 'a.trainee_id');
    const qb = this.db
      .getRepository(TrainingActivity)
      .createQueryBuilder('a')
      .where('a.trainee_id = :traineeId', { traineeId })
      .andWhere(scope.sql, scope.params);
    if (q.kind) qb.andWhere('a.kind = :kind', { kind: q.kind });
    if (q.verified) qb.andWhere(q.verified === 'true' ? 'a.verified_at IS NOT NULL' : 'a.verified_at IS NULL');
    if (q.from) qb.andWhere('a.date >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.date <= :to', { to: q.to });
    // created_at is compared at millisecond precision, the precision a cursor carries
    const column = sort === 'date' ? 'a.date' : "date_trunc('milliseconds', a.created_at)";
    if (cursor) {
      const value = sort === 'date' ? String(cursor[0]) : new Date(Number(cursor[0]));
      const ok =
        sort === 'date'
          ? /^\d{4}-\d{2}-\d{2}$/.test(String(value))
          : typeof cursor[0] === 'number' && !Number.isNaN((value as Date).getTime());
      if (!ok || !isUuid(cursor[1])) throw invalid('cursor', 'cursor is not a valid cursor');
      qb.andWhere(`(${column}, a.id) ${dir === 'ASC' ? '>' : '<'} (:cv, :cid)`, { cv: value, cid: String(cursor[1]) });
    }
    const rows = await qb
      .orderBy(column, dir)
      .addOrderBy('a.id', dir)
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (a) => [sort === 'date' ? a.date : a.createdAt.getTime(), a.id], toActivityDto);
  }

  async totals(ctx: AuthedCtx, traineeId: string): Promise<ActivityTotalsDto> {
    await this.access.require(ctx.actor, traineeId, READERS, 'Trainee');
    const rows: TotalsRow[] = await this.db.query(
      `SELECT kind, verified_at IS NOT NULL AS verified, count(*)::int AS count, sum(hours)::text AS hours
         FROM training_activities WHERE trainee_id = $1 GROUP BY 1, 2`,
      [traineeId],
    );
    return activityTotals(rows);
  }
}
