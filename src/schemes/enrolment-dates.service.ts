import { Injectable } from '@nestjs/common';
import { RecordAccessService } from '../access/record-access.service';
import { schemeAdminGrant } from '../access/scheme-administration';
import { UnitOfWork } from '../audit/unit-of-work';
import { todayUtc } from '../common/dates';
import { invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import type { BackdateEnrolmentDto, EnrolmentDto } from './dto';
import { ProgressService, toEnrolmentDto } from './progress.service';
import { Scheme, SchemeEnrolment, SchemeVersion } from './scheme.entity';

// A body admin may set a trainee's enrolment date in the past (e.g. a trainee who trained with the body before it
// used this service), with a reason, audited. A trainee who never opted into a version is held to the version in
// force on the new date (if the scheme had one then); one who opted in keeps the version they chose.
@Injectable()
export class EnrolmentDatesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
    private readonly progress: ProgressService,
  ) {}

  async backdate(ctx: AuthedCtx, traineeId: string, schemeId: string, dto: BackdateEnrolmentDto): Promise<EnrolmentDto> {
    if (dto.enrolledOn > todayUtc(new Date())) throw invalid('enrolledOn', 'enrolledOn must not be after today');
    return this.uow.run(ctx, async (em, audit) => {
      const scheme = await em.findOneBy(Scheme, { id: schemeId });
      const via = scheme ? await schemeAdminGrant(em, ctx.actor, scheme.bodyId) : undefined;
      if (!scheme || !via) throw notFound('Enrolment');
      // the trainee must be one the admin may see (a trainee of a body they administer), else 404 as if absent
      const rel = await this.access.relation(ctx.actor, traineeId, em);
      if (!rel || (rel.relation !== 'body_admin' && rel.relation !== 'admin')) throw notFound('Enrolment');
      const enrolment = await em.findOne(SchemeEnrolment, { where: { userId: traineeId, schemeId }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw notFound('Enrolment');
      const from = String(enrolment.enrolledOn).slice(0, 10);
      const inForce = enrolment.optedInAt ? null : await this.progress.versionInForce(em, schemeId, dto.enrolledOn);
      const versionId = inForce?.id ?? enrolment.schemeVersionId;
      await em.update(
        SchemeEnrolment,
        { id: enrolment.id },
        { enrolledOn: dto.enrolledOn, schemeVersionId: versionId, version: enrolment.version + 1 },
      );
      audit({
        action: 'enrolment.backdate',
        entityType: 'scheme_enrolment',
        entityId: enrolment.id,
        via,
        bodyId: scheme.bodyId,
        changes: {
          traineeId,
          enrolledOn: { from, to: dto.enrolledOn },
          schemeVersionId: { from: enrolment.schemeVersionId, to: versionId },
          reason: dto.reason,
        },
      });
      const saved = await em.findOneByOrFail(SchemeEnrolment, { id: enrolment.id });
      return toEnrolmentDto(saved, await em.findOneByOrFail(SchemeVersion, { id: versionId }));
    });
  }
}
