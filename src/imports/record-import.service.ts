import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { bodiesWhere } from '../access/grants';
import { RecordAccessService } from '../access/record-access.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { forbidden, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { Role } from '../common/roles';
import { ActivityImporter } from './activity-rows';
import { CaseImporter } from './case-rows';
import { type ImportReportDto, ReportBuilder } from './import-report';
import type { RecordImporter, RecordImportScope } from './record-import-kind';
import { readRowBatches, type SourceRow } from './row-source';
import { SessionImporter } from './session-rows';
import { MeasureImporter } from './measure-rows';
import { MeetingImporter } from './meeting-rows';
import { NotificationsService } from '../notifications/notifications.service';
import { columnsOf, type RecordImportKind, requiredOf, TEMPLATES } from './templates';
import { type Upload, uploadError } from './upload';

const CHUNK = 1000;

const IMPORTERS: Record<RecordImportKind, (scope: RecordImportScope, notifications: NotificationsService) => RecordImporter> = {
  activities: (s) => new ActivityImporter(s),
  cases: (s) => new CaseImporter(s),
  sessions: (s) => new SessionImporter(s),
  measures: (s, n) => new MeasureImporter(s, n),
  supervision: (s) => new MeetingImporter(s),
};

// Record import: a trainee's own record, or (by a body admin) the record of a trainee of their body, from one
// file per kind. The file is streamed in chunks; a dry run reads and checks it, a commit does the same inside one
// transaction and writes each chunk as it goes — any row in error rolls all of it back.
@Injectable()
export class RecordImportService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
    private readonly notifications: NotificationsService,
  ) {}

  /** `receive` reads the upload: only once the caller may import into this record. */
  async run(
    ctx: AuthedCtx,
    traineeId: string,
    kind: RecordImportKind,
    receive: () => Promise<Upload>,
    commit: boolean,
  ): Promise<ImportReportDto> {
    const rel = await this.access.relation(ctx.actor, traineeId);
    if (!rel) throw notFound('Trainee');
    if (rel.relation !== 'own' && rel.relation !== 'body_admin')
      throw forbidden('Only the trainee, or a body admin of their body, may import into a training record');
    // supervision meetings are recorded by supervisors: a trainee cannot add their own; their body's admin may
    if (kind === 'supervision' && rel.relation === 'own')
      throw forbidden('Supervision meetings are recorded by supervisors; a body admin of your body may import them for you');
    const upload = await receive();
    const scope: RecordImportScope = {
      traineeId,
      actorId: ctx.actor.userId,
      adminBodies: rel.relation === 'body_admin' ? bodiesWhere(ctx.actor, Role.BodyAdmin) : null,
      now: new Date(),
    };
    const importer = IMPORTERS[kind](scope, this.notifications);
    const file = () => ({ name: upload.fingerprint.name, sha256: upload.fingerprint.sha256, bytes: upload.fingerprint.bytes });
    if (!commit) {
      const report = await this.process(this.db.manager, importer, kind, upload, false);
      return report.builder.report(kind, 'dry-run', false, file());
    }
    return this.uow.run(ctx, async (em, audit) => {
      const { builder, written } = await this.process(em, importer, kind, upload, true);
      if (builder.hasErrors) throw builder.refusal();
      audit({
        action: `import.${kind}`,
        entityType: 'trainee',
        entityId: traineeId,
        via: rel.via,
        bodyId: rel.relation === 'own' ? null : rel.bodyId,
        changes: { file: file(), counts: builder.counts, ...written },
      });
      return builder.report(kind, 'commit', true, file());
    });
  }

  private async process(em: EntityManager, importer: RecordImporter, kind: RecordImportKind, upload: Upload, commit: boolean) {
    const t = TEMPLATES[kind];
    const builder = new ReportBuilder();
    let chunk: SourceRow[] = [];
    try {
      for await (const rows of readRowBatches(upload.stream, upload.format, columnsOf(t), requiredOf(t))) {
        for (const row of rows) chunk.push(row);
        if (chunk.length >= CHUNK) {
          await importer.chunk(em, chunk, builder, commit && !builder.hasErrors);
          chunk = [];
        }
      }
      if (chunk.length) await importer.chunk(em, chunk, builder, commit && !builder.hasErrors);
    } catch (err) {
      upload.stream.destroy();
      throw uploadError(err);
    }
    const written = await importer.finish(em, builder, commit);
    return { builder, written };
  }
}
