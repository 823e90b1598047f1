import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { adminGrantFor } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { Accreditation } from '../accreditations/accreditation.entity';
import { notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { AuthedCtx } from '../common/request-context';
import type { CredentialDownloadDto, PublicListingDto, UpdatePublicListingDto } from './dto';

const decodePayload = (jws: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** What the holder (and the issuing body's admins) do with an issued credential. */
@Injectable()
export class HolderCredentialsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  // the holder, or an admin of the issuing body; anyone else gets the same 404 as for a missing one
  async download(ctx: AuthedCtx, id: string): Promise<CredentialDownloadDto> {
    const acc = await this.db.getRepository(Accreditation).findOneBy({ id });
    if (!acc || (acc.holderId !== ctx.actor.userId && !adminGrantFor(ctx.actor, acc.bodyId))) throw notFound('Accreditation');
    if (!acc.credentialJws) throw notFound('Credential');
    return {
      accreditationId: acc.id,
      certificateNumber: acc.certificateNumber,
      mediaType: 'application/vc+jwt',
      jws: acc.credentialJws,
      credential: decodePayload(acc.credentialJws),
    };
  }

  // consent is the holder's alone: not even a body admin may list someone in the public register
  async setPublicListing(ctx: AuthedCtx, id: string, dto: UpdatePublicListingDto, ifMatch: string | undefined): Promise<PublicListingDto> {
    const version = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      const acc = await em.findOneBy(Accreditation, { id, holderId: ctx.actor.userId });
      if (!acc) throw notFound('Accreditation');
      const res = await em
        .createQueryBuilder()
        .update(Accreditation)
        .set({ publicListing: dto.publicListing, version: () => 'version + 1' })
        .where('id = :id AND holder_id = :holder AND version = :version', { id, holder: ctx.actor.userId, version })
        .execute();
      if (!res.affected) throw preconditionFailed();
      audit({
        action: 'accreditation.public_listing',
        entityType: 'accreditation',
        entityId: id,
        via: 'SELF',
        bodyId: acc.bodyId,
        changes: { publicListing: { from: acc.publicListing, to: dto.publicListing } },
      });
      const updated = await em.findOneByOrFail(Accreditation, { id });
      return { id, certificateNumber: updated.certificateNumber, publicListing: updated.publicListing, version: updated.version };
    });
  }
}
