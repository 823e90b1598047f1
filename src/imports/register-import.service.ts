import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { schemeAdminGrant } from '../access/scheme-administration';
import { AccreditationIssuance, labelsOf } from '../accreditations/accreditation-issuance.service';
import { AccreditationEvent, AccreditationStatus } from '../accreditations/accreditation.entity';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { Role } from '../common/roles';
import { InvitationsService } from '../invitations/invitations.service';
import type { SchemeDefinition } from '../schemes/scheme-definition';
import { User } from '../users/user.entity';
import { type ImportReportDto, ReportBuilder } from './import-report';
import { readRegisterRow, type RegisterRow } from './register-rows';
import { readRows } from './row-source';
import { columnsOf, requiredOf, TEMPLATES } from './templates';
import { type Upload, uploadError } from './upload';

export interface RegisterImportOptions {
  commit: boolean;
  /** invite every person the import creates to the body (TRAINEE), by the usual invitation mail */
  invite: boolean;
  /** sign a credential for every active accreditation the import creates */
  issueCredentials: boolean;
}

// An imported holder gets an account they cannot sign in to until they set a password (invitation or reset).
const NO_PASSWORD = '!imported: no password set';

interface SchemeVersionRow {
  scheme_code: string;
  id: string;
  effective_from: string;
  definition: SchemeDefinition;
}

interface Planned {
  src: RegisterRow;
  versionId: string;
  levelName: string;
  /** the noun and title the level carries on the accreditation */
  labels: { noun: string; levelTitle: string };
  holderId: string | null;
}

// Register import: a body's existing holders become people (matched by e-mail, or created) and accreditations
// marked as imported. Dry run and commit read and check the file the same way; a commit writes all of it in one
// transaction, or nothing when any row is wrong.
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly issuance: AccreditationIssuance,
    private readonly invitations: InvitationsService,
  ) {}

  /** `receive` reads the upload: only once the caller is known to administer the body (no file oracle for others). */
  async run(ctx: AuthedCtx, bodyId: string, receive: () => Promise<Upload>, opts: RegisterImportOptions): Promise<ImportReportDto> {
    const via = await schemeAdminGrant(this.db.manager, ctx.actor, bodyId);
    const body = via ? await this.db.getRepository(Body).findOneBy({ id: bodyId }) : null;
    if (!via || !body) throw notFound('Body');
    const upload = await receive();
    const report = new ReportBuilder();
    const rows = await this.readAll(upload, report);
    await this.plan(this.db.manager, body, rows, report);
    const file = { name: upload.fingerprint.name, sha256: upload.fingerprint.sha256, bytes: upload.fingerprint.bytes };
    if (!opts.commit) return report.report('register', 'dry-run', false, file);
    if (report.hasErrors) throw report.refusal();
    return this.uow.run(ctx, async (em, audit) => {
      // planned again inside the transaction: what was matched or free a moment ago is what is written
      const inTx = new ReportBuilder();
      const again = await this.plan(em, body, rows, inTx);
      if (inTx.hasErrors) throw inTx.refusal();
      const written = await this.write(em, ctx, body, again, file, opts);
      audit({
        action: 'import.register',
        entityType: 'body',
        entityId: body.id,
        via,
        bodyId: body.id,
        changes: { file, counts: inTx.counts, ...written, invite: opts.invite, issueCredentials: opts.issueCredentials },
      });
      return inTx.report('register', 'commit', true, file);
    });
  }

  private async readAll(upload: Upload, report: ReportBuilder): Promise<RegisterRow[]> {
    const t = TEMPLATES.register;
    const now = new Date();
    const out: RegisterRow[] = [];
    try {
      for await (const src of readRows(upload.stream, upload.format, columnsOf(t), requiredOf(t))) {
        const r = readRegisterRow(src, now);
        if (r.row) out.push(r.row);
        else report.add(src.row, 'error', r.key, r.errors);
      }
    } catch (err) {
      throw uploadError(err);
    }
    return out;
  }

  /** Decides each valid row against the body's schemes and the records already there (a fixed number of queries). */
  private async plan(em: EntityManager, body: Body, rows: RegisterRow[], report: ReportBuilder): Promise<Planned[]> {
    const versions: SchemeVersionRow[] = await em.query(
      `SELECT s.code AS scheme_code, v.id, v.effective_from::text AS effective_from, v.definition
         FROM scheme_versions v JOIN schemes s ON s.id = v.scheme_id
        WHERE s.body_id = $1 AND v.status <> 'draft' ORDER BY v.effective_from, v.version_number`,
      [body.id],
    );
    const emails = [...new Set(rows.map((r) => r.email))];
    const users: { id: string; email: string }[] = emails.length
      ? await em.query(`SELECT id, email FROM users WHERE email = ANY($1::text[])`, [emails])
      : [];
    const userByEmail = new Map(users.map((u) => [u.email, u.id]));
    const numbers = rows.map((r) => r.certificateNumber).filter((n): n is string => !!n);
    const taken: { certificate_number: string; holder_id: string; body_id: string }[] = numbers.length
      ? await em.query(`SELECT certificate_number, holder_id, body_id FROM accreditations WHERE certificate_number = ANY($1::text[])`, [
          numbers,
        ])
      : [];
    const takenBy = new Map(taken.map((t) => [t.certificate_number, t]));
    const held: { holder_id: string; scheme_code: string; level_code: string }[] = users.length
      ? await em.query(
          `SELECT a.holder_id, s.code AS scheme_code, a.level_code FROM accreditations a
             JOIN scheme_versions v ON v.id = a.scheme_version_id JOIN schemes s ON s.id = v.scheme_id
            WHERE a.body_id = $1 AND a.holder_id = ANY($2::uuid[])`,
          [body.id, users.map((u) => u.id)],
        )
      : [];
    const heldKeys = new Set(held.map((h) => `${h.holder_id} ${h.scheme_code} ${h.level_code}`));
    const seen = new Map<string, number>();
    const out: Planned[] = [];
    for (const r of rows) {
      const key = r.certificateNumber ?? `${r.email} ${r.scheme} ${r.level}`;
      const fileKey = `${r.email} ${r.scheme} ${r.level}`;
      const first = seen.get(key) ?? seen.get(fileKey);
      if (first !== undefined) {
        report.add(r.row, 'skip', key, [], `the same holder and level as row ${first}`);
        continue;
      }
      seen.set(key, r.row);
      seen.set(fileKey, r.row);
      const candidates = versions.filter((v) => v.scheme_code === r.scheme);
      if (!candidates.length) {
        report.add(r.row, 'error', key, [{ field: 'scheme', message: `scheme "${r.scheme}" is not a published scheme of ${body.name}` }]);
        continue;
      }
      // the version in force on the award date; an award from before the first version is held to the first
      const version = [...candidates].reverse().find((v) => v.effective_from <= r.awardDate) ?? candidates[0];
      const level = version.definition.levels.find((l) => l.code === r.level);
      if (!level) {
        report.add(r.row, 'error', key, [{ field: 'level', message: `level "${r.level}" is not a level of scheme ${r.scheme}` }]);
        continue;
      }
      const holderId = userByEmail.get(r.email) ?? null;
      const existing = r.certificateNumber ? takenBy.get(r.certificateNumber) : undefined;
      if (existing) {
        if (existing.body_id === body.id && existing.holder_id === holderId) report.add(r.row, 'match', key, [], 'already imported');
        else
          report.add(r.row, 'error', key, [
            { field: 'certificate_number', message: `certificate_number ${r.certificateNumber} belongs to another accreditation` },
          ]);
        continue;
      }
      if (holderId && heldKeys.has(`${holderId} ${r.scheme} ${r.level}`)) {
        report.add(r.row, 'match', key, [], 'the holder already holds this level of this body');
        continue;
      }
      report.add(r.row, 'create', key, [], holderId ? 'person matched by e-mail' : 'new person');
      out.push({ src: r, versionId: version.id, levelName: level.name, labels: labelsOf(version.definition, level), holderId });
    }
    return out;
  }

  private async write(
    em: EntityManager,
    ctx: AuthedCtx,
    body: Body,
    planned: Planned[],
    file: { name: string; sha256: string },
    opts: RegisterImportOptions,
  ): Promise<{ peopleCreated: number; invitations: number; credentials: number }> {
    const created = new Map<string, string>();
    let invitations = 0;
    let credentials = 0;
    for (const p of planned) {
      let holderId = p.holderId ?? created.get(p.src.email) ?? null;
      if (!holderId) {
        const res = await em.insert(User, { email: p.src.email, displayName: p.src.name, passwordHash: NO_PASSWORD });
        holderId = String(res.identifiers[0].id);
        created.set(p.src.email, holderId);
        if (opts.invite && (await this.invitations.inviteIn(em, ctx.actor.userId, body, p.src.email, Role.Trainee))) invitations++;
      }
      const id = await this.issuance.insertNumbered(em, p.src.certificateNumber, body.code, Number(p.src.awardDate.slice(0, 4)), {
        holderId,
        holderName: p.src.name,
        bodyId: body.id,
        schemeVersionId: p.versionId,
        levelCode: p.src.level,
        levelName: p.levelName,
        ...p.labels,
        applicationId: null,
        status: p.src.status as AccreditationStatus,
        // the award date: levels held count from it wherever a level is checked (record-loader's level spans)
        issuedOn: p.src.awardDate,
        expiresOn: p.src.expiryDate,
        publicListing: p.src.publicListing,
        importedAt: new Date(),
        importedBy: ctx.actor.userId,
        importFileName: file.name,
        importFileSha256: file.sha256,
      });
      await em.insert(AccreditationEvent, {
        accreditationId: id,
        kind: 'imported',
        fromStatus: null,
        toStatus: p.src.status as AccreditationStatus,
        reason: `imported from ${file.name}`.slice(0, 1000),
        actorId: ctx.actor.userId,
        // a lapsed level ended on its expiry; a suspended one is known to be suspended from the import on
        occurredAt: p.src.status === 'lapsed' && p.src.expiryDate ? new Date(`${p.src.expiryDate}T00:00:00Z`) : new Date(),
      });
      if (opts.issueCredentials && p.src.status === 'active') {
        await this.issuance.resign(em, id, body.name);
        credentials++;
      }
    }
    return { peopleCreated: created.size, invitations, credentials };
  }
}
