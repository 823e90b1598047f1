import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { bodiesWhere } from '../access/grants';
import { Role } from '../common/roles';
import { RecordAccessService } from '../access/record-access.service';
import { todayUtc } from '../common/dates';
import { UnitOfWork } from '../audit/unit-of-work';
import { ISO_COUNTRIES } from '../bodies/iso-countries';
import { badRequest, type ErrorDetails, forbidden, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { AuthedCtx } from '../common/request-context';
import { User } from '../users/user.entity';
import type { ProfileDto, PutProfileDto } from './dto';
import { toProfileDto } from './profile.mapper';
import { membershipProblems } from './profile-rules';
import { TraineeProfile } from './trainee-profile.entity';

const READERS = ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'] as const;

// jsonb does not keep key order, so compare with sorted keys
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

@Injectable()
export class TraineesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
  ) {}

  async getProfile(ctx: AuthedCtx, traineeId: string): Promise<ProfileDto> {
    await this.access.require(ctx.actor, traineeId, READERS, 'Profile');
    return this.load(this.db.manager, traineeId);
  }

  /** Creates the profile (no If-Match) or replaces it (If-Match required). Only the trainee writes it. */
  async putProfile(ctx: AuthedCtx, traineeId: string, dto: PutProfileDto, ifMatch: string | undefined): Promise<ProfileDto> {
    const access = await this.access.relation(ctx.actor, traineeId);
    if (!access) throw notFound('Profile');
    if (access.relation !== 'own') throw forbidden('Only the trainee may edit their own profile');
    const problems = this.problems(ctx, dto);
    if (Object.keys(problems).length) throw badRequest('VALIDATION_FAILED', 'Request validation failed', problems);

    return this.uow.run(ctx, async (em, audit) => {
      const unknownBodies = await this.unknownBodies(
        em,
        dto.memberships.map((m) => m.bodyId),
      );
      if (unknownBodies.length) {
        const details: ErrorDetails = {};
        dto.memberships.forEach(
          (m, i) => unknownBodies.includes(m.bodyId) && (details[`memberships.${i}.bodyId`] = ['bodyId does not name a known body']),
        );
        throw badRequest('VALIDATION_FAILED', 'Request validation failed', details);
      }
      const existing = await em.findOne(TraineeProfile, { where: { userId: traineeId }, lock: { mode: 'pessimistic_write' } });
      const values = {
        countryCode: dto.countryCode,
        homeBodyId: dto.homeBodyId,
        coreProfession: dto.coreProfession,
        licences: dto.licences.map((l) => ({ jurisdiction: l.jurisdiction, number: l.number, expiresOn: l.expiresOn })),
        memberships: dto.memberships.map((m) => ({ bodyId: m.bodyId, from: m.from, to: m.to ?? null })),
      };
      let changed: string[];
      if (!existing) {
        // an If-Match names a version the caller believes exists; there is none
        if (ifMatch !== undefined) throw preconditionFailed('There is no profile yet; create it without If-Match');
        await em.insert(TraineeProfile, { userId: traineeId, ...values });
        changed = Object.keys(values);
      } else {
        const version = expectedVersion(ifMatch);
        const res = await em
          .createQueryBuilder()
          .update(TraineeProfile)
          .set({ ...values, version: () => 'version + 1' })
          .where('user_id = :id AND version = :version', { id: traineeId, version })
          .execute();
        if (!res.affected) throw preconditionFailed();
        changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => canonical(existing[k]) !== canonical(values[k]));
      }
      if (dto.displayName !== undefined) {
        const user = await em.findOneByOrFail(User, { id: traineeId });
        if (user.displayName !== dto.displayName) {
          await em.update(User, { id: traineeId }, { displayName: dto.displayName });
          changed.push('displayName');
        }
      }
      audit({
        action: existing ? 'trainee_profile.update' : 'trainee_profile.create',
        entityType: 'trainee_profile',
        entityId: traineeId,
        via: 'SELF',
        bodyId: dto.homeBodyId,
        changes: { fields: changed },
      });
      return this.load(em, traineeId);
    });
  }

  private problems(ctx: AuthedCtx, dto: PutProfileDto): ErrorDetails {
    const details: ErrorDetails = { ...membershipProblems(dto.memberships.map((m) => ({ ...m, to: m.to ?? null }))) };
    if (!ISO_COUNTRIES.has(dto.countryCode)) details.countryCode = ['countryCode is not an ISO 3166-1 alpha-2 country'];
    if (!bodiesWhere(ctx.actor, Role.Trainee).includes(dto.homeBodyId))
      details.homeBodyId = ['homeBodyId must be a body in which you hold TRAINEE'];
    return details;
  }

  private async unknownBodies(em: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await em.query(`SELECT id FROM bodies WHERE id = ANY($1::uuid[])`, [ids]);
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  }

  private async load(em: EntityManager, traineeId: string): Promise<ProfileDto> {
    const profile = await em.findOneBy(TraineeProfile, { userId: traineeId });
    if (!profile) throw notFound('Profile');
    const user = await em.findOneByOrFail(User, { id: traineeId });
    return toProfileDto(profile, user.displayName, todayUtc(new Date()));
  }
}
