import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { globalAdminGrant } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { Body, BodyKind } from './body.entity';
import type { BodyDto, CreateBodyDto } from './dto';
import { ISO_COUNTRIES } from './iso-countries';

export const toBodyDto = (b: Body): BodyDto => ({ id: b.id, code: b.code, name: b.name, kind: b.kind, countryCode: b.countryCode, parentId: b.parentId });

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

  // One national body per country, each under an international body.
  async create(ctx: AuthedCtx, dto: CreateBodyDto): Promise<BodyDto> {
    const via = globalAdminGrant(ctx.actor);
    if (!via) throw forbidden();
    if (dto.kind === BodyKind.National) {
      if (!dto.countryCode) throw invalid('countryCode', 'countryCode is required for a national body');
      if (!ISO_COUNTRIES.has(dto.countryCode)) throw invalid('countryCode', 'countryCode is not an ISO 3166-1 alpha-2 country');
      if (!dto.parentId) throw invalid('parentId', 'parentId (the international body) is required for a national body');
    } else {
      if (dto.countryCode) throw invalid('countryCode', 'an international body has no country');
      if (dto.parentId) throw invalid('parentId', 'an international body has no parent');
    }
    return this.uow.run(ctx, async (em, audit) => {
      if (dto.parentId) {
        const parent = await em.findOneBy(Body, { id: dto.parentId });
        if (!parent || parent.kind !== BodyKind.International) throw invalid('parentId', 'parentId must name an international body');
      }
      if (await em.existsBy(Body, { code: dto.code })) throw conflict('BODY_CODE_TAKEN', `A body with code ${dto.code} exists`);
      if (dto.countryCode && (await em.existsBy(Body, { countryCode: dto.countryCode, kind: BodyKind.National }))) {
        throw conflict('COUNTRY_HAS_BODY', `Country ${dto.countryCode} already has a national body`);
      }
      const body = await em.save(em.create(Body, { code: dto.code, name: dto.name, kind: dto.kind, countryCode: dto.countryCode ?? null, parentId: dto.parentId ?? null }));
      audit({ action: 'body.create', entityType: 'body', entityId: body.id, via, bodyId: body.id, changes: { code: body.code, name: body.name, kind: body.kind, countryCode: body.countryCode } });
      return toBodyDto(body);
    });
  }
}
