import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflictsVisiblePredicate, peopleAdminGrant } from '../access/people-access';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, forbidden, invalid, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx, Grant } from '../common/request-context';
import { isUuid } from '../common/uuid';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { orderedPair } from './conflicts';
import type { ConflictDto, DeclareConflictDto, ListConflictsQuery } from './dto';
import { toConflictDto } from './supervision.mapper';

const ALREADY = () => conflict('CONFLICT_ALREADY_DECLARED', 'This conflict of interest is already declared and active');
const isUniqueViolation = (e: unknown) =>
  (e as { driverError?: { code?: string } })?.driverError?.code === '23505' || (e as { code?: string })?.code === '23505';

// Declared conflicts of interest. Anyone may declare their own; a body admin may declare one for people
// of their body. Ending one is for whoever declared it or the administration — not the other party alone,
// so a supervisor cannot quietly lift a trainee's declaration to become their supervisor.
@Injectable()
export class ConflictsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async declare(ctx: AuthedCtx, dto: DeclareConflictDto): Promise<ConflictDto> {
    const me = ctx.actor.userId;
    dto = { ...dto, otherUserId: dto.otherUserId.toLowerCase() };
    const subject = dto.userId?.toLowerCase() ?? me;
    if (subject === dto.otherUserId)
      throw badRequest('SELF_CONFLICT', 'A conflict of interest is between two different people', {
        otherUserId: ['must differ from userId'],
      });
    const own = subject === me || dto.otherUserId === me;
    const via: Grant | 'SELF' | undefined = own ? 'SELF' : await peopleAdminGrant(this.db.manager, ctx.actor, [subject, dto.otherUserId]);
    if (!via) throw forbidden('You may declare conflicts only for yourself, or for people of a body you administer');
    const [a, b] = orderedPair(subject, dto.otherUserId);
    try {
      return await this.uow.run(ctx, async (em, audit) => {
        const known: { id: string }[] = await em.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND status <> 'erased'`, [[a, b]]);
        for (const [field, id] of [
          ['userId', subject],
          ['otherUserId', dto.otherUserId],
        ] as const) {
          if (!known.some((k) => k.id === id)) throw invalid(field, `${field} does not name a known user`);
        }
        const dup = await em.query(
          `SELECT 1 FROM conflict_declarations WHERE user_a_id = $1 AND user_b_id = $2 AND kind = $3 AND ended_at IS NULL`,
          [a, b, dto.kind],
        );
        if (dup.length) throw ALREADY();
        const { identifiers } = await em.insert(ConflictDeclaration, {
          userAId: a,
          userBId: b,
          kind: dto.kind,
          note: dto.note ?? null,
          declaredBy: me,
        });
        const id = String(identifiers[0].id);
        // the note is free text about people's private lives: it stays out of the audit trail
        audit({
          action: 'conflict.declare',
          entityType: 'conflict_declaration',
          entityId: id,
          via,
          changes: { userIds: [a, b], kind: dto.kind },
        });
        return toConflictDto(await em.findOneByOrFail(ConflictDeclaration, { id }));
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw ALREADY();
      throw e;
    }
  }

  async list(ctx: AuthedCtx, q: ListConflictsQuery): Promise<Page<ConflictDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db.getRepository(ConflictDeclaration).createQueryBuilder('c');
    const visible = conflictsVisiblePredicate(ctx.actor, 'c');
    qb.where(visible.sql, visible.params);
    if (q.active) qb.andWhere(q.active === 'true' ? 'c.ended_at IS NULL' : 'c.ended_at IS NOT NULL');
    if (q.userId) qb.andWhere('(c.user_a_id = :uid OR c.user_b_id = :uid)', { uid: q.userId.toLowerCase() });
    const column = "date_trunc('milliseconds', c.created_at)";
    if (cursor) {
      if (typeof cursor[0] !== 'number' || !isUuid(cursor[1])) throw invalid('cursor', 'cursor is not a valid cursor');
      qb.andWhere(`(${column}, c.id) < (:cv, :cid)`, { cv: new Date(cursor[0]), cid: cursor[1] });
    }
    const rows = await qb
      .orderBy(column, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (c) => [c.createdAt.getTime(), c.id], toConflictDto);
  }

  async end(ctx: AuthedCtx, id: string): Promise<ConflictDto> {
    const me = ctx.actor.userId;
    const row = await this.db.getRepository(ConflictDeclaration).findOneBy({ id });
    const admin = row ? await peopleAdminGrant(this.db.manager, ctx.actor, [row.userAId, row.userBId]) : undefined;
    if (!row || (row.userAId !== me && row.userBId !== me && !admin)) throw notFound('Conflict declaration');
    const via: Grant | 'SELF' | undefined = row.declaredBy === me ? 'SELF' : admin;
    if (!via) throw forbidden('Only the person who declared it or a body admin may end this declaration');
    return this.uow.run(ctx, async (em, audit) => {
      const res = await em
        .createQueryBuilder()
        .update(ConflictDeclaration)
        .set({ endedAt: () => 'now()', endedBy: me })
        .where('id = :id AND ended_at IS NULL', { id })
        .execute();
      if (!res.affected) throw conflict('CONFLICT_ALREADY_ENDED', 'This declaration has already ended');
      audit({
        action: 'conflict.end',
        entityType: 'conflict_declaration',
        entityId: id,
        via,
        changes: { userIds: [row.userAId, row.userBId], kind: row.kind },
      });
      return toConflictDto(await em.findOneByOrFail(ConflictDeclaration, { id }));
    });
  }
}
