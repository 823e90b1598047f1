import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../audit/unit-of-work';
import { dateOrNull, todayUtc } from '../common/dates';
import { expectedVersion } from '../common/etag';
import { conflict, preconditionFailed } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { accreditationStatusNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { AccreditationEvent, AccreditationStatus } from './accreditation.entity';
import { AccreditationIssuance } from './accreditation-issuance.service';
import { decideRestore } from './accreditation-restore';
import { heldFromVersion, levelOf } from './accreditation-rules';
import { AccreditationsService } from './accreditations.service';
import type { AccreditationDetailDto, RestoreDto } from './dto';

// A body admin restores a lapsed accreditation (accreditation-restore.ts says when and to which expiry). The
// credential is re-signed with the new expiry; its status-list bit follows the status, which is active again.
@Injectable()
export class AccreditationRestoreService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accreditations: AccreditationsService,
    private readonly issuance: AccreditationIssuance,
    private readonly notifications: NotificationsService,
  ) {}

  restore(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: RestoreDto): Promise<AccreditationDetailDto> {
    const version = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      const { acc, via } = await this.accreditations.lockForAdmin(em, ctx, id);
      if (acc.version !== version) throw preconditionFailed();
      const { version: scheme } = await heldFromVersion(em, acc.schemeVersionId);
      const expiresOn = dateOrNull(acc.expiresOn);
      const decision = decideRestore({ status: acc.status, expiresOn }, levelOf(scheme, acc.levelCode).validity, todayUtc(new Date()));
      if (!decision.ok) throw conflict(decision.code, decision.message);
      await this.accreditations.bump(em, acc, { status: AccreditationStatus.Active, expiresOn: decision.expiresOn });
      await em.insert(AccreditationEvent, {
        accreditationId: id,
        kind: 'restored',
        fromStatus: acc.status,
        toStatus: AccreditationStatus.Active,
        reason: dto.reason,
        actorId: ctx.actor.userId,
      });
      const restored = await this.issuance.resign(em, id);
      await this.notifications.enqueue(em, accreditationStatusNotice('restored', acc));
      audit({
        action: 'accreditation.restore',
        entityType: 'accreditation',
        entityId: id,
        via,
        bodyId: acc.bodyId,
        changes: {
          status: { from: acc.status, to: AccreditationStatus.Active },
          expiresOn: { from: expiresOn, to: decision.expiresOn },
          reason: dto.reason,
        },
      });
      return this.accreditations.detail(em, restored);
    });
  }
}
