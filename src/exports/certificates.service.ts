import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemeAdminGrant } from '../access/scheme-administration';
import { Accreditation } from '../accreditations/accreditation.entity';
import { Body } from '../bodies/body.entity';
import { dateOf, dateOrNull } from '../common/dates';
import { notFound } from '../common/errors';
import type { FileDownload } from '../common/file-download';
import type { AuthedCtx } from '../common/request-context';
import { AppConfig } from '../config/env';
import { certificatePdf, verificationUrl } from './certificate-pdf';

@Injectable()
export class CertificatesService {
  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  // who may read the accreditation may print it: the holder and the body's admins; anyone else gets 404
  async pdf(ctx: AuthedCtx, id: string): Promise<FileDownload> {
    const acc = await this.db.getRepository(Accreditation).findOneBy({ id });
    if (!acc || (acc.holderId !== ctx.actor.userId && !(await schemeAdminGrant(this.db.manager, ctx.actor, acc.bodyId))))
      throw notFound('Accreditation');
    const body = await this.db.getRepository(Body).findOneByOrFail({ id: acc.bodyId });
    const pdf = await certificatePdf(
      {
        bodyName: body.name,
        holderName: acc.holderName,
        levelName: acc.levelName,
        noun: acc.noun,
        levelTitle: acc.levelTitle,
        certificateNumber: acc.certificateNumber,
        issuedOn: dateOf(acc.issuedOn),
        expiresOn: dateOrNull(acc.expiresOn),
        status: acc.status,
      },
      verificationUrl(this.config.publicBaseUrl, acc.certificateNumber),
      acc.updatedAt,
    );
    return { filename: `certificate-${acc.certificateNumber}.pdf`, contentType: 'application/pdf', body: Buffer.from(pdf) };
  }
}
