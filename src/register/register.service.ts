import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Accreditation, AccreditationStatus } from '../accreditations/accreditation.entity';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { ListRegisterQuery, RegisterEntryDto } from './dto';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// The public register: holders who consented (public_listing) and are in good standing — active and not
// past expiry — plus suspended ones, listed as suspended so the public is not misled by a stale entry.
// Only the fields of RegisterEntryDto leave: no e-mail, no user id, no application or scheme internals.
@Injectable()
export class RegisterService {
  constructor(private readonly db: DataSource) {}

  async list(q: ListRegisterQuery): Promise<Page<RegisterEntryDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(Accreditation)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.body', 'b')
      .where('a.public_listing = TRUE')
      .andWhere(`(a.status = :suspended OR (a.status = :active AND (a.expires_on IS NULL OR a.expires_on >= current_date)))`, {
        active: AccreditationStatus.Active,
        suspended: AccreditationStatus.Suspended,
      });
    if (q.country) qb.andWhere('b.country_code = :country', { country: q.country });
    if (q.bodyId) qb.andWhere('a.body_id = :bodyId', { bodyId: q.bodyId });
    if (q.level) qb.andWhere('a.level_code = :level', { level: q.level });
    if (q.name) qb.andWhere('a.holder_name ILIKE :pattern', { pattern: `%${escapeLike(q.name)}%` });
    if (cursor) qb.andWhere('(a.holder_name, a.id) > (:cname, :cid)', { cname: String(cursor[0]), cid: String(cursor[1]) });
    const rows = await qb.orderBy('a.holder_name', 'ASC').addOrderBy('a.id', 'ASC').limit(limit + 1).getMany();
    return toPage(rows, limit, (a) => [a.holderName, a.id], toRegisterEntry);
  }
}

const toRegisterEntry = (a: Accreditation): RegisterEntryDto => ({
  holderName: a.holderName,
  certificateNumber: a.certificateNumber,
  body: { id: a.bodyId, name: a.body?.name ?? '', countryCode: a.body?.countryCode ?? null },
  level: { code: a.levelCode, name: a.levelName },
  issuedOn: a.issuedOn,
  expiresOn: a.expiresOn,
  status: a.status,
});
