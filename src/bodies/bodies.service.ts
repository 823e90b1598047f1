import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { globalAdminGrant } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { checkNewBody, checkParent } from './body-rules';
import { Body } from './body.entity';
import type { BodyDto, CreateBodyDto } from './dto';

export const toBodyDto = (b: Body): BodyDto => ({
  id: b.id,
  code: b.code,
  name: b.name,
  kind: b.kind,
  countryCode: b.countryCode,
  parentId: b.parentId,
});

@Injectable()
export class BodiesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<BodyDto[]> {
    const bodies = await this.db.getRepository(Body).find({ order: { kind: 'ASC', name: 'ASC' } });
    return bodies.map(toBodyDto);
  }

  async get(id: string): Promise<BodyDto> {
    const body = await this.db.getRepository(Body).findOneBy({ id });
    if (!body) throw notFound('Body');
    return toBodyDto(body);
  }

  // Several bodies may share a country; the country is an attribute (body-rules.ts).
  async create(ctx: AuthedCtx, dto: CreateBodyDto): Promise<BodyDto> {
    const via = globalAdminGrant(ctx.actor);
    if (!via) throw forbidden();
    const own = checkNewBody(dto);
    if (!own.ok) throw invalid(own.field, own.message);
    return this.uow.run(ctx, async (em, audit) => {
      if (dto.parentId) {
        const parent = await em.findOneBy(Body, { id: dto.parentId });
        if (!parent) throw invalid('parentId', 'parentId does not name a known body');
        const fits = checkParent(dto, parent);
        if (!fits.ok) throw invalid(fits.field, fits.message);
      }
      if (await em.existsBy(Body, { code: dto.code })) throw conflict('BODY_CODE_TAKEN', `A body with code ${dto.code} exists`);
      const body = await em.save(
        em.create(Body, {
          code: dto.code,
          name: dto.name,
          kind: dto.kind,
          countryCode: dto.countryCode ?? null,
          parentId: dto.parentId ?? null,
        }),
      );
      audit({
        action: 'body.create',
        entityType: 'body',
        entityId: body.id,
        via,
        bodyId: body.id,
        changes: { code: body.code, name: body.name, kind: body.kind, countryCode: body.countryCode },
      });
      return toBodyDto(body);
    });
  }
}
