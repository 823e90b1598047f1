import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canSeeInstrument, instrumentBodiesOf, instrumentManageGrant } from '../access/instrument-access';
import { isGlobalAdmin } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { badRequest, conflict, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { Actor, AuthedCtx, Grant } from '../common/request-context';
import type { CreateInstrumentDto, InstrumentDto, InstrumentListDto, ListInstrumentsQuery, UpdateInstrumentDto } from './dto';
import { forgetPublishedInstruments } from './instrument-catalog';
import { type InstrumentDefinition, normaliseDefinition, validateInstrumentDefinition } from './instrument-definition';
import { Instrument, InstrumentStatus } from './instrument.entity';
import { toInstrumentDto } from './instrument.mapper';

export function instrumentDefinitionOrThrow(raw: unknown): InstrumentDefinition {
  const errors = validateInstrumentDefinition(raw);
  if (Object.keys(errors).length) {
    const details = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`definition.${k}`, v]));
    throw badRequest('INVALID_INSTRUMENT_DEFINITION', 'The instrument definition is not valid', details);
  }
  return normaliseDefinition(raw as Record<string, unknown>);
}

// Outcome instruments as data (issue 15): a body admin adds one for their body (a global admin for every body) as a
// draft, edits it (If-Match), publishes it; from then on it is immutable and its code can be used in measures and
// in scheme rules. Every change is audited.
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(ctx: AuthedCtx, q: ListInstrumentsQuery): Promise<InstrumentListDto> {
    const qb = this.db.getRepository(Instrument).createQueryBuilder('i');
    if (q.bodyId) qb.where('(i.body_id IS NULL OR i.body_id = :body)', { body: q.bodyId });
    else if (!isGlobalAdmin(ctx.actor))
      qb.where('(i.body_id IS NULL OR i.body_id = ANY(:bodies::uuid[]))', { bodies: instrumentBodiesOf(ctx.actor) });
    const rows = await qb.orderBy('i.body_id IS NOT NULL', 'ASC').addOrderBy('i.code', 'ASC').getMany();
    return { items: rows.filter((i) => canSeeInstrument(ctx.actor, i)).map(toInstrumentDto) };
  }

  async get(ctx: AuthedCtx, id: string): Promise<InstrumentDto> {
    const i = await this.db.getRepository(Instrument).findOneBy({ id });
    if (!i || !canSeeInstrument(ctx.actor, i)) throw notFound('Instrument');
    return toInstrumentDto(i);
  }

  async create(ctx: AuthedCtx, dto: CreateInstrumentDto): Promise<InstrumentDto> {
    const bodyId = dto.bodyId ?? null;
    const via = instrumentManageGrant(ctx.actor, { bodyId });
    if (!via)
      throw forbidden(
        bodyId ? 'You may add instruments only for a body you administer' : 'Only a global admin may add an instrument for every body',
      );
    const definition = instrumentDefinitionOrThrow(dto.definition);
    const id = await this.uow.run(ctx, async (em, audit) => {
      if (bodyId && !(await em.existsBy(Body, { id: bodyId }))) throw invalid('bodyId', 'bodyId does not name a known body');
      await assertCodeFree(em, dto.code, bodyId);
      const saved = await em.save(
        em.create(Instrument, {
          bodyId,
          code: dto.code,
          name: dto.name,
          construct: dto.construct,
          version: dto.version,
          status: InstrumentStatus.Draft,
          definition,
          createdBy: ctx.actor.userId,
        }),
      );
      audit({ action: 'instrument.create', entityType: 'instrument', entityId: saved.id, via, bodyId, changes: { code: dto.code } });
      return saved.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateInstrumentDto): Promise<InstrumentDto> {
    const expected = expectedVersion(ifMatch);
    const { via, current } = await this.manageable(ctx.actor, id);
    const definition = dto.definition === undefined ? undefined : instrumentDefinitionOrThrow(dto.definition);
    await this.uow.run(ctx, async (em, audit) => {
      await lockDraft(em, id);
      const fields = { name: dto.name, construct: dto.construct, version: dto.version };
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const res = await em
        .createQueryBuilder()
        .update(Instrument)
        .set({ ...set, ...(definition ? { definition: () => ':definition::jsonb' } : {}), rowVersion: () => 'row_version + 1' })
        .setParameter('definition', JSON.stringify(definition ?? null))
        .where('id = :id AND row_version = :v', { id, v: expected })
        .execute();
      if (!res.affected) throw preconditionFailed();
      audit({
        action: 'instrument.update',
        entityType: 'instrument',
        entityId: id,
        via,
        bodyId: current.bodyId,
        changes: { fields: [...Object.keys(set), ...(definition ? ['definition'] : [])] },
      });
    });
    return this.get(ctx, id);
  }

  /** Publishing freezes the instrument: from now on measures and scheme rules of its body can name its code. */
  async publish(ctx: AuthedCtx, id: string): Promise<InstrumentDto> {
    const { via, current } = await this.manageable(ctx.actor, id);
    await this.uow.run(ctx, async (em, audit) => {
      const draft = await lockDraft(em, id);
      instrumentDefinitionOrThrow(draft.definition);
      await em.update(
        Instrument,
        { id },
        { status: InstrumentStatus.Published, publishedAt: new Date(), publishedBy: ctx.actor.userId, rowVersion: draft.rowVersion + 1 },
      );
      audit({
        action: 'instrument.publish',
        entityType: 'instrument',
        entityId: id,
        via,
        bodyId: current.bodyId,
        changes: { code: draft.code },
      });
    });
    forgetPublishedInstruments(this.db);
    return this.get(ctx, id);
  }

  private async manageable(actor: Actor, id: string): Promise<{ via: Grant; current: Instrument }> {
    const current = await this.db.getRepository(Instrument).findOneBy({ id });
    if (!current || !canSeeInstrument(actor, current)) throw notFound('Instrument');
    const via = instrumentManageGrant(actor, current);
    if (!via) throw forbidden("Only the admins of the instrument's body (or global admins) manage it");
    return { via, current };
  }
}

async function lockDraft(em: EntityManager, id: string): Promise<Instrument> {
  const i = await em.findOne(Instrument, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!i) throw notFound('Instrument');
  if (i.status !== InstrumentStatus.Draft)
    throw conflict('INSTRUMENT_NOT_DRAFT', `${i.code} is published and can no longer change; add a new instrument instead`);
  return i;
}

// A measure names its instrument by code, looked up among the global instruments and its case's body's own: so a
// code must be unique across that union. A body's code may not repeat a global one; a global code may not repeat
// any body's. The advisory lock serialises two concurrent creations of one code.
async function assertCodeFree(em: EntityManager, code: string, bodyId: string | null): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('instrument-code:' || $1))`, [code]);
  const clash: unknown[] = await em.query(
    bodyId
      ? `SELECT 1 FROM instruments WHERE code = $1 AND (body_id IS NULL OR body_id = $2) LIMIT 1`
      : `SELECT 1 FROM instruments WHERE code = $1 LIMIT 1`,
    bodyId ? [code, bodyId] : [code],
  );
  if (clash.length) throw conflict('INSTRUMENT_CODE_TAKEN', `An instrument with code ${code} is already available here`);
}
