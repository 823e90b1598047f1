import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccreditationIssuance } from '../accreditations/accreditation-issuance.service';
import { AccreditationEvent } from '../accreditations/accreditation.entity';
import { toAccreditationDetailDto } from '../accreditations/accreditation.mapper';
import { heldFromVersion } from '../accreditations/accreditation-rules';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../common/errors';
import type { AuthedCtx, Grant } from '../common/request-context';
import { applicationToApplicantNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { schemeAdminGrant } from '../access/scheme-administration';
import { Application, ApplicationEvent, ApplicationStatus } from './application.entity';
import { ApplicationsService, asJsonb, OPEN_STATUSES } from './applications.service';
import type { ApplicationDetailDto, ApprovalDto, ApproveDto, RejectDto, RequestInfoDto } from './dto';

/** The body's side: ask for more information, approve (issuing the accreditation and its credential), reject. */
@Injectable()
export class ApplicationDecisionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly issuance: AccreditationIssuance,
    private readonly applications: ApplicationsService,
    private readonly notifications: NotificationsService,
  ) {}

  async requestInfo(ctx: AuthedCtx, id: string, dto: RequestInfoDto): Promise<ApplicationDetailDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { app, via } = await this.lockForDecision(em, ctx, id);
      if (app.status === ApplicationStatus.MoreInfoRequested)
        throw conflict('INFO_ALREADY_REQUESTED', "More information has already been requested; wait for the applicant's answer");
      await em
        .createQueryBuilder()
        .update(Application)
        .set({ status: ApplicationStatus.MoreInfoRequested, infoRequest: dto.message, version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      await em.insert(ApplicationEvent, {
        applicationId: id,
        kind: 'info_requested',
        actorId: ctx.actor.userId,
        note: dto.message,
        evaluation: null,
      });
      await this.notifications.enqueue(em, applicationToApplicantNotice('info_requested', app));
      audit({
        action: 'application.request_info',
        entityType: 'application',
        entityId: id,
        via,
        bodyId: app.bodyId,
        changes: { status: { from: app.status, to: ApplicationStatus.MoreInfoRequested } },
      });
      return this.applications.detail(em, id);
    });
  }

  /**
   * Re-evaluates at decision time. Approving despite an unmet rule needs an explicit override reason (audited
   * with the unmet rule ids). The accreditation, its 'issued' event and the signed credential are written in
   * the same transaction as the decision, so there is never an approval without its credential or vice versa.
   */
  async approve(ctx: AuthedCtx, id: string, dto: ApproveDto): Promise<ApprovalDto> {
    // the accreditation is issued unlisted; only its holder may put it on the public register
    if (dto.publicListing !== undefined) {
      throw badRequest(
        'PUBLIC_LISTING_NEEDS_HOLDER_CONSENT',
        "Listing on the public register is the holder's decision; they set it on their accreditation",
        {
          publicListing: ["is the holder's consent: not part of an approval (the holder uses PUT /accreditations/{id}/public-listing)"],
        },
      );
    }
    return this.uow.run(ctx, async (em, audit) => {
      const { app, via } = await this.lockForDecision(em, ctx, id);
      const held = await heldFromVersion(em, app.schemeVersionId);
      // through a recognition: the top-ups again, and the recognised level must still be in good standing
      const report = await this.applications.evaluateApplication(em, app, { checkSource: true });
      const unmet = report.rules.filter((r) => !r.met && !r.advisory).map((r) => r.ruleId);
      if (unmet.length && !dto.overrideReason) {
        throw unprocessable('UNMET_RULES_NEED_OVERRIDE', `${unmet.length} rule(s) are not met; approving needs an overrideReason`, {
          unmetRules: unmet,
        });
      }
      const overrideReason = unmet.length ? dto.overrideReason! : null;
      const acc = await this.issuance.issue(em, {
        holderId: app.applicantId,
        bodyId: app.bodyId,
        held,
        levelCode: app.levelCode,
        applicationId: id,
        actorId: ctx.actor.userId,
        basis: app.basis,
      });
      await em
        .createQueryBuilder()
        .update(Application)
        .set({
          status: ApplicationStatus.Approved,
          decidedBy: ctx.actor.userId,
          decidedAt: new Date(),
          decisionReason: dto.reason ?? null,
          overrideReason,
          evaluation: asJsonb(report),
          allRulesMet: report.met,
          evaluatedAt: new Date(),
          accreditationId: acc.id,
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      const note = [dto.reason, overrideReason && `Override: ${overrideReason}`].filter(Boolean).join(' — ').slice(0, 2000) || null;
      await em.insert(ApplicationEvent, {
        applicationId: id,
        kind: 'approved',
        actorId: ctx.actor.userId,
        note,
        evaluation: asJsonb(report),
      });
      await this.notifications.enqueue(em, applicationToApplicantNotice('approved', app));
      audit({
        action: 'application.approve',
        entityType: 'application',
        entityId: id,
        via,
        bodyId: app.bodyId,
        changes: {
          status: { from: app.status, to: ApplicationStatus.Approved },
          accreditationId: acc.id,
          certificateNumber: acc.certificateNumber,
          allRulesMet: report.met,
          override: overrideReason ? { reason: overrideReason, unmetRules: unmet } : null,
          basis: app.basis,
        },
      });
      const events = await em.find(AccreditationEvent, { where: { accreditationId: acc.id }, order: { occurredAt: 'ASC', id: 'ASC' } });
      return { application: await this.applications.detail(em, id), accreditation: toAccreditationDetailDto(acc, events) };
    });
  }

  async reject(ctx: AuthedCtx, id: string, dto: RejectDto): Promise<ApplicationDetailDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { app, via } = await this.lockForDecision(em, ctx, id);
      await em
        .createQueryBuilder()
        .update(Application)
        .set({
          status: ApplicationStatus.Rejected,
          decidedBy: ctx.actor.userId,
          decidedAt: new Date(),
          decisionReason: dto.reason,
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      await em.insert(ApplicationEvent, {
        applicationId: id,
        kind: 'rejected',
        actorId: ctx.actor.userId,
        note: dto.reason,
        evaluation: null,
      });
      await this.notifications.enqueue(em, applicationToApplicantNotice('rejected', app));
      audit({
        action: 'application.reject',
        entityType: 'application',
        entityId: id,
        via,
        bodyId: app.bodyId,
        changes: { status: { from: app.status, to: ApplicationStatus.Rejected }, reason: dto.reason },
      });
      return this.applications.detail(em, id);
    });
  }

  // Outside the caller's bodies the application does not exist (404); one's own cannot be decided (403); decided is final (409).
  private async lockForDecision(em: EntityManager, ctx: AuthedCtx, id: string): Promise<{ app: Application; via: Grant }> {
    const app = await em.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const via = app && (await schemeAdminGrant(em, ctx.actor, app.bodyId));
    if (!app || !via) throw notFound('Application');
    if (app.applicantId === ctx.actor.userId) throw forbidden('You cannot decide your own application', 'OWN_APPLICATION');
    if (!OPEN_STATUSES.includes(app.status))
      throw conflict('APPLICATION_DECIDED', `The application is already ${app.status}; decisions are final`);
    return { app, via };
  }
}
