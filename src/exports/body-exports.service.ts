import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemeAdminGrant } from '../access/scheme-administration';
import { AccreditationRenewalsService } from '../accreditations/accreditation-renewals.service';
import { todayUtc } from '../common/dates';
import { notFound } from '../common/errors';
import type { FileDownload } from '../common/file-download';
import type { AuthedCtx } from '../common/request-context';
import { type BodyExportKind, bodyExportFilename, bodyExportTable } from './body-exports';
import type { Cell } from './spreadsheet-safety';
import { renderTable, type TableFormat } from './tabular';

const MEDIA: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Rows = Record<string, Cell>[];

@Injectable()
export class BodyExportsService {
  constructor(
    private readonly db: DataSource,
    private readonly renewals: AccreditationRenewalsService,
  ) {}

  // the body's admins (and those of the international body above it) and global admins, as for deciding
  async export(ctx: AuthedCtx, bodyId: string, kind: BodyExportKind, format: TableFormat): Promise<FileDownload> {
    const [body]: { name: string }[] = await this.db.query(`SELECT name FROM bodies WHERE id = $1`, [bodyId]);
    if (!body || !(await schemeAdminGrant(this.db.manager, ctx.actor, bodyId))) throw notFound('Body');
    const rows =
      kind === 'register'
        ? await this.register(bodyId)
        : kind === 'applications'
          ? await this.applications(bodyId)
          : await this.renewalsDue(ctx, bodyId);
    return {
      filename: bodyExportFilename(body.name, kind, todayUtc(new Date()), format),
      contentType: MEDIA[format],
      body: await renderTable(bodyExportTable(kind, rows), format),
    };
  }

  private register(bodyId: string): Promise<Rows> {
    return this.db.query(
      `SELECT a.certificate_number AS "certificateNumber", a.holder_name AS "holderName", u.email AS "holderEmail", a.level_code AS "levelCode",
              a.level_name AS "levelName", a.status::text AS status, to_char(a.issued_on, 'YYYY-MM-DD') AS "issuedOn",
              to_char(a.expires_on, 'YYYY-MM-DD') AS "expiresOn", CASE WHEN a.public_listing THEN 'yes' ELSE 'no' END AS "publicListing"
         FROM accreditations a JOIN users u ON u.id = a.holder_id
        WHERE a.body_id = $1 ORDER BY a.issued_on, a.certificate_number`,
      [bodyId],
    );
  }

  private applications(bodyId: string): Promise<Rows> {
    return this.db.query(
      `SELECT to_char(ap.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "submittedAt", u.display_name AS "applicantName",
              u.email AS "applicantEmail", ap.level_code AS "levelCode", ap.status::text AS status,
              CASE WHEN ap.all_rules_met THEN 'yes' ELSE 'no' END AS "allRulesMet",
              to_char(ap.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "decidedAt", d.display_name AS "decidedBy",
              ap.decision_reason AS "decisionReason", ap.override_reason AS "overrideReason", a.certificate_number AS "certificateNumber", ap.id::text AS id
         FROM applications ap JOIN users u ON u.id = ap.applicant_id
         LEFT JOIN users d ON d.id = ap.decided_by LEFT JOIN accreditations a ON a.id = ap.accreditation_id
        WHERE ap.body_id = $1 ORDER BY ap.created_at, ap.id`,
      [bodyId],
    );
  }

  // the same list, by the same rule, as GET /accreditations/renewals-due (reminder date passed, still active)
  private async renewalsDue(ctx: AuthedCtx, bodyId: string): Promise<Rows> {
    const due = await this.renewals.due(ctx, { bodyId });
    return due.map((r) => ({
      certificateNumber: r.certificateNumber,
      holderName: r.holderName,
      levelCode: r.levelCode,
      levelName: r.levelName,
      expiresOn: r.expiresOn,
      reminderDueOn: r.reminderDueOn,
      renewableUntil: r.renewableUntil,
      status: r.status,
    }));
  }
}
