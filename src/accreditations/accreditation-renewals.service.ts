import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { conflict, notFound, unprocessable } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { addDays, dateOrNull, todayUtc } from '../common/dates';
import { ProgressService } from '../schemes/progress.service';
import { schemeAdminGrant } from '../access/scheme-administration';
import type { LevelDef } from '../schemes/scheme-definition';
import { Accreditation, AccreditationEvent, AccreditationStatus } from './accreditation.entity';
import { AccreditationIssuance } from './accreditation-issuance.service';
import { expiryOnRenewal, reminderDueOn, renewalWindow } from './accreditation-lifecycle';
import { toAccreditationDetailDto, toAccreditationDto } from './accreditation.mapper';
import { heldFromVersion, levelOf } from './accreditation-rules';
import type { RenewalDueDto, RenewalResultDto, RenewalsDueQuery, RenewDto } from './dto';

const ENDED = [AccreditationStatus.Lapsed, AccreditationStatus.Revoked, AccreditationStatus.Expired];

@Injectable()
export class AccreditationRenewalsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly progress: ProgressService,
    private readonly issuance: AccreditationIssuance,
  ) {}

  /**
   * The holder renews with a declaration: the level's renewal rules are evaluated against the scheme version
   * the accreditation was issued under; met → one more cycle from the previous expiry and a re-signed credential.
   */
  async renew(ctx: AuthedCtx, id: string, dto: RenewDto): Promise<RenewalResultDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const acc = await em.findOne(Accreditation, { where: { id, holderId: ctx.actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!acc) throw notFound('Accreditation');
      if (ENDED.includes(acc.status)) throw conflict('NOT_RENEWABLE', `An accreditation that is ${acc.status} cannot be renewed`);
      if (acc.status === AccreditationStatus.Suspended)
        throw conflict('ACCREDITATION_SUSPENDED', 'A suspended accreditation cannot be renewed until it is reinstated');
      const held = await heldFromVersion(em, acc.schemeVersionId);
      const level = levelOf(held.version, acc.levelCode);
      const expiresOn = dateOrNull(acc.expiresOn);
      const today = todayUtc(new Date());
      const window = level.renewal ? renewalWindow(expiresOn, level.renewal, today) : 'not_renewable';
      if (window === 'not_renewable' || !level.renewal || !expiresOn)
        throw conflict('NOT_RENEWABLE', 'This level does not expire and needs no renewal');
      if (window === 'too_early') throw conflict('RENEWAL_NOT_OPEN', `Renewal opens on ${reminderDueOn(expiresOn, level.renewal)}`);
      if (window === 'closed')
        throw conflict('RENEWAL_WINDOW_CLOSED', `The grace period ended on ${addDays(expiresOn, level.renewal.graceDays)}`);

      const [report] = await this.progress.evaluate(em, acc.holderId, held, { levelCode: acc.levelCode, mode: 'renewal' });
      if (!report.met) {
        const details = Object.fromEntries(report.rules.map((r) => [`rules.${r.ruleId}`, [`${r.met ? 'met' : 'not met'}: ${r.message}`]]));
        throw unprocessable('RENEWAL_RULES_UNMET', `Renewal requirements not met: ${report.summary}`, details);
      }
      const next = expiryOnRenewal(level.validity, expiresOn);
      await em
        .createQueryBuilder()
        .update(Accreditation)
        .set({ expiresOn: next, status: AccreditationStatus.Active, version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      const reason = `Declaration made${dto.note ? `: ${dto.note}` : ''}`.slice(0, 1000);
      await em.insert(AccreditationEvent, {
        accreditationId: id,
        kind: 'renewed',
        fromStatus: acc.status,
        toStatus: AccreditationStatus.Active,
        reason,
        actorId: ctx.actor.userId,
      });
      const renewed = await this.issuance.resign(em, id);
      audit({
        action: 'accreditation.renew',
        entityType: 'accreditation',
        entityId: id,
        bodyId: acc.bodyId,
        changes: { expiresOn: { from: expiresOn, to: next }, declaration: true, rulesMet: `${report.metCount}/${report.ruleCount}` },
      });
      const events = await em.find(AccreditationEvent, { where: { accreditationId: id }, order: { occurredAt: 'ASC', id: 'ASC' } });
      return { ...toAccreditationDetailDto(renewed, events), evaluation: report };
    });
  }

  /** Active accreditations of a body whose renewal reminder is due (expiry − reminderDaysBefore has passed). */
  async due(ctx: AuthedCtx, q: RenewalsDueQuery): Promise<RenewalDueDto[]> {
    if (!(await schemeAdminGrant(this.db.manager, ctx.actor, q.bodyId))) throw notFound('Body');
    const today = todayUtc(new Date());
    // reminderDaysBefore is at most 365, so nothing further out can be due
    const horizon = addDays(today, q.withinDays ?? 365);
    const rows = await this.db
      .getRepository(Accreditation)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.schemeVersion', 'v')
      .where('a.body_id = :body AND a.status = :active AND a.expires_on IS NOT NULL AND a.expires_on <= :horizon', {
        body: q.bodyId,
        active: AccreditationStatus.Active,
        horizon,
      })
      .orderBy('a.expires_on', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const out: RenewalDueDto[] = [];
    for (const a of rows) {
      const level = (a.schemeVersion!.definition.levels as LevelDef[]).find((l) => l.code === a.levelCode);
      const expiresOn = dateOrNull(a.expiresOn)!;
      const terms = level?.renewal ?? { graceDays: 0, reminderDaysBefore: 0 };
      const dueOn = reminderDueOn(expiresOn, terms)!;
      if (q.withinDays === undefined && dueOn > today) continue;
      out.push({ ...toAccreditationDto(a), reminderDueOn: dueOn, renewableUntil: addDays(expiresOn, terms.graceDays) });
    }
    return out;
  }
}
