import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccreditationStatus } from '../accreditations/accreditation.entity';
import { todayUtc } from '../common/dates';
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
    // plain SQL with only the columns the entry shows: the public's hot path (see `npm run bench`)
    // "not past expiry" by the service's own calendar (common/dates), not the database session's time zone
    const params: unknown[] = [AccreditationStatus.Suspended, AccreditationStatus.Active, todayUtc(new Date())];
    const where = ['a.public_listing = TRUE', '(a.status = $1 OR (a.status = $2 AND (a.expires_on IS NULL OR a.expires_on >= $3::date)))'];
    const add = (sql: (p: string) => string, ...values: unknown[]) => {
      const refs = values.map((v) => `$${params.push(v)}`);
      where.push(sql(refs.join(', ')));
    };
    if (q.country) add((p) => `b.country_code = ${p}`, q.country);
    if (q.bodyId) add((p) => `a.body_id = ${p}`, q.bodyId);
    if (q.level) add((p) => `a.level_code = ${p}`, q.level);
    if (q.name) add((p) => `a.holder_name ILIKE ${p}`, `%${escapeLike(q.name)}%`);
    if (cursor) add((p) => `(a.holder_name, a.id) > (${p})`, String(cursor[0]), String(cursor[1]));
    const rows: RegisterRow[] = await this.db.query(
      `SELECT a.id, a.holder_name, a.certificate_number, a.body_id, b.name AS body_name, b.country_code, a.level_code, a.level_name, a.noun, a.level_title,
              a.issued_on::text AS issued_on, a.expires_on::text AS expires_on, a.status
         FROM accreditations a JOIN bodies b ON b.id = a.body_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.holder_name, a.id LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    return toPage(rows, limit, (a) => [a.holder_name, a.id], toRegisterEntry);
  }
}

interface RegisterRow {
  id: string;
  holder_name: string;
  certificate_number: string;
  body_id: string;
  body_name: string;
  country_code: string | null;
  level_code: string;
  level_name: string;
  noun: string;
  level_title: string;
  issued_on: string;
  expires_on: string | null;
  status: AccreditationStatus;
}

const toRegisterEntry = (a: RegisterRow): RegisterEntryDto => ({
  holderName: a.holder_name,
  certificateNumber: a.certificate_number,
  body: { id: a.body_id, name: a.body_name, countryCode: a.country_code },
  level: { code: a.level_code, name: a.level_name, noun: a.noun, title: a.level_title },
  issuedOn: a.issued_on,
  expiresOn: a.expires_on,
  status: a.status,
});
