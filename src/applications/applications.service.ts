import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { heldFromVersion } from '../accreditations/accreditation-rules';
import { applicationsVisiblePredicate } from '../access/application-access';
import { bodyAdminIds } from '../access/scheme-administration';
import { UnitOfWork } from '../audit/unit-of-work';
import { isoDate, todayUtc } from '../common/dates';
import { conflict, invalid, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import { applicationToBodyNotices } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import type { AuthedCtx } from '../common/request-context';
import type { LevelReport } from '../schemes/evaluate-level';
import { ProgressService } from '../schemes/progress.service';
import { type RecognitionBasis, RecognitionRoutes } from '../recognitions/recognition-routes.service';
import type { SchemeDefinition } from '../schemes/scheme-definition';
import { Scheme, SchemeEnrolment, SchemeVersion } from '../schemes/scheme.entity';
import { Application, ApplicationEvent, ApplicationStatus } from './application.entity';
import { toApplicationDetailDto, toApplicationDto } from './application.mapper';
import type { ApplicationDetailDto, ApplicationDto, CreateApplicationDto, ListApplicationsQuery, RespondDto } from './dto';

export const OPEN_STATUSES = [ApplicationStatus.Submitted, ApplicationStatus.MoreInfoRequested];
export const asSnapshot = (r: LevelReport): Record<string, unknown> => r as unknown as Record<string, unknown>;
// the same snapshot typed for insert()/update() of a jsonb column
export const asJsonb = (r: LevelReport): QueryDeepPartialEntity<Record<string, unknown>> =>
  r as unknown as QueryDeepPartialEntity<Record<string, unknown>>;

/** The applicant's side of an application: submit, answer a request for information, withdraw; and reading. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly progress: ProgressService,
    private readonly notifications: NotificationsService,
    private readonly recognitionRoutes: RecognitionRoutes,
  ) {}

  /** Applies for a level; enrols the applicant at the version in force if they are not enrolled yet. */
  async submit(ctx: AuthedCtx, dto: CreateApplicationDto): Promise<ApplicationDetailDto> {
    const me = ctx.actor.userId;
    const scheme = await this.db.getRepository(Scheme).findOneBy({ id: dto.schemeId });
    if (!scheme) throw invalid('schemeId', 'schemeId does not name a known scheme');
    if (dto.credential && !dto.recognitionId) throw invalid('credential', 'a credential is presented with recognitionId only');
    // a presented credential is verified before the transaction: the verifier reads keys and status through the
    // pool, which the transaction's connection would starve on the embedded database (a pool of one)
    const presented = dto.credential ? await this.recognitionRoutes.verifyPresented(dto.credential) : undefined;
    return this.uow.run(ctx, async (em, audit) => {
      let enrolment = await em.findOneBy(SchemeEnrolment, { userId: me, schemeId: scheme.id });
      const enrolled = !enrolment;
      if (!enrolment) {
        const inForce = await this.progress.versionInForce(em, scheme.id, todayUtc(new Date()));
        if (!inForce) throw conflict('NO_VERSION_IN_FORCE', 'The scheme has no published version in force');
        enrolment = await em.save(
          em.create(SchemeEnrolment, {
            userId: me,
            schemeId: scheme.id,
            schemeVersionId: inForce.id,
            enrolledOn: todayUtc(new Date()),
            optedInAt: null,
          }),
        );
      }
      const version = await em.findOneByOrFail(SchemeVersion, { id: enrolment.schemeVersionId });
      if (!(version.definition as SchemeDefinition).levels.some((l) => l.code === dto.levelCode)) {
        throw invalid('levelCode', `level ${dto.levelCode} is not a level of the version you are held to`);
      }
      const open = await em.findOneBy(Application, {
        applicantId: me,
        schemeVersionId: version.id,
        levelCode: dto.levelCode,
        status: In(OPEN_STATUSES),
      });
      if (open)
        throw conflict('APPLICATION_ALREADY_OPEN', 'You already have an open application for this level', { applicationId: [open.id] });
      const held = { scheme, version, heldBy: 'enrolment' as const };
      const applicationDate = todayUtc(new Date());
      const via = dto.recognitionId
        ? await this.recognitionRoutes.forApplication(em, me, held, dto.levelCode, dto.recognitionId, presented, applicationDate)
        : null;
      const report: LevelReport =
        via?.report ?? (await this.progress.evaluate(em, me, held, { levelCode: dto.levelCode, mode: 'award', applicationDate }))[0];
      const app = await em.save(
        em.create(Application, {
          applicantId: me,
          bodyId: scheme.bodyId,
          schemeVersionId: version.id,
          levelCode: dto.levelCode,
          status: ApplicationStatus.Submitted,
          evaluation: asSnapshot(report),
          allRulesMet: report.met,
          evaluatedAt: new Date(),
          applicantNote: dto.note ?? null,
          basis: via?.basis ?? null,
        }),
      );
      await em.insert(ApplicationEvent, {
        applicationId: app.id,
        kind: 'submitted',
        actorId: me,
        note: dto.note ?? null,
        evaluation: asJsonb(report),
      });
      await this.notifications.enqueueAll(em, applicationToBodyNotices('submitted', app, await bodyAdminIds(em, app.bodyId)));
      audit({
        action: 'application.submit',
        entityType: 'application',
        entityId: app.id,
        bodyId: scheme.bodyId,
        changes: { schemeVersionId: version.id, levelCode: dto.levelCode, allRulesMet: report.met, enrolled, basis: via?.basis ?? null },
      });
      return this.detail(em, app.id);
    });
  }

  async list(ctx: AuthedCtx, q: ListApplicationsQuery): Promise<Page<ApplicationDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.visible(ctx, 'a');
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.levelCode) qb.andWhere('a.level_code = :level', { level: q.levelCode });
    if (q.bodyId) qb.andWhere('a.body_id = :body', { body: q.bodyId });
    // newest first; the cursor keeps millisecond precision, so the order uses the same truncation
    const created = "date_trunc('milliseconds', a.created_at)";
    if (cursor) qb.andWhere(`(${created}, a.id) < (:cv, :cid)`, { cv: new Date(Number(cursor[0])), cid: String(cursor[1]) });
    const rows = await qb
      .orderBy(created, 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (a) => [a.createdAt.getTime(), a.id], toApplicationDto);
  }

  async get(ctx: AuthedCtx, id: string): Promise<ApplicationDetailDto> {
    if (!(await this.visible(ctx, 'a').andWhere('a.id = :id', { id }).getExists())) throw notFound('Application');
    return this.detail(this.db.manager, id);
  }

  /** The applicant answers a request for information: the application is re-evaluated and goes back to the body. */
  async respond(ctx: AuthedCtx, id: string, dto: RespondDto): Promise<ApplicationDetailDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const app = await this.lockOwn(em, ctx, id);
      if (app.status !== ApplicationStatus.MoreInfoRequested)
        throw conflict('NO_INFO_REQUESTED', `The application is ${app.status}; no information was requested`);
      const report = await this.evaluateApplication(em, app, { checkSource: false });
      await em
        .createQueryBuilder()
        .update(Application)
        .set({
          status: ApplicationStatus.Submitted,
          evaluation: asJsonb(report),
          allRulesMet: report.met,
          evaluatedAt: new Date(),
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      await em.insert(ApplicationEvent, {
        applicationId: id,
        kind: 'responded',
        actorId: ctx.actor.userId,
        note: dto.note,
        evaluation: asJsonb(report),
      });
      await this.notifications.enqueueAll(em, applicationToBodyNotices('responded', app, await bodyAdminIds(em, app.bodyId)));
      audit({
        action: 'application.respond',
        entityType: 'application',
        entityId: id,
        bodyId: app.bodyId,
        changes: { status: { from: app.status, to: ApplicationStatus.Submitted }, allRulesMet: report.met },
      });
      return this.detail(em, id);
    });
  }

  async withdraw(ctx: AuthedCtx, id: string): Promise<ApplicationDetailDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const app = await this.lockOwn(em, ctx, id);
      if (!OPEN_STATUSES.includes(app.status)) throw conflict('APPLICATION_CLOSED', `The application is already ${app.status}`);
      await em
        .createQueryBuilder()
        .update(Application)
        .set({ status: ApplicationStatus.Withdrawn, version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      await em.insert(ApplicationEvent, { applicationId: id, kind: 'withdrawn', actorId: ctx.actor.userId, note: null, evaluation: null });
      audit({
        action: 'application.withdraw',
        entityType: 'application',
        entityId: id,
        bodyId: app.bodyId,
        changes: { status: { from: app.status, to: ApplicationStatus.Withdrawn } },
      });
      return this.detail(em, id);
    });
  }

  /** The application evaluated again: through its recognition (top-ups only) when it was made through one, else the ordinary way. */
  async evaluateApplication(em: EntityManager, app: Application, opts: { checkSource: boolean }) {
    const held = await heldFromVersion(em, app.schemeVersionId);
    const applicationDate = isoDate(app.createdAt);
    if (app.basis?.kind === 'recognition')
      return this.recognitionRoutes.reevaluate(em, app.applicantId, held, app.basis as RecognitionBasis, { applicationDate, ...opts });
    const [report] = await this.progress.evaluate(em, app.applicantId, held, { levelCode: app.levelCode, mode: 'award', applicationDate });
    return report;
  }

  async detail(em: EntityManager, id: string): Promise<ApplicationDetailDto> {
    const app = await em.findOneOrFail(Application, { where: { id }, relations: { applicant: true } });
    const events = await em.find(ApplicationEvent, { where: { applicationId: id }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return toApplicationDetailDto(app, events);
  }

  // only the applicant acts on their own application; to anyone else it does not exist
  private async lockOwn(em: EntityManager, ctx: AuthedCtx, id: string): Promise<Application> {
    const app = await em.findOne(Application, { where: { id, applicantId: ctx.actor.userId }, lock: { mode: 'pessimistic_write' } });
    if (!app) throw notFound('Application');
    return app;
  }

  private visible(ctx: AuthedCtx, alias: string) {
    const visible = applicationsVisiblePredicate(ctx.actor, alias);
    return this.db
      .getRepository(Application)
      .createQueryBuilder(alias)
      .innerJoinAndSelect(`${alias}.applicant`, `${alias}_applicant`)
      .where(visible.sql, visible.params);
  }
}
