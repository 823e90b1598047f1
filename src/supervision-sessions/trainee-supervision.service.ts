import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import type { AuthedCtx } from '../common/request-context';
import type { TraineeSupervisionDto } from './dto';
import { DEFAULT_GROUP_FORMULA } from './group-credit';
import { toFormulaDto } from './supervision-session.mapper';
import type { SupervisionFormat } from './supervision-session.entity';
import { type ReceivedSession, summariseSupervision } from './supervision-summary';

interface SessionRow {
  id: string;
  supervisor_id: string;
  date: string;
  format: SupervisionFormat;
  minutes: number;
  member_count: number;
}

// A trainee's supervision received, credited by the default formula (a scheme's own formula is applied
// where requirements are checked). Visible to whoever may read the trainee's record.
@Injectable()
export class TraineeSupervisionService {
  constructor(
    private readonly db: DataSource,
    private readonly access: RecordAccessService,
  ) {}

  async summary(ctx: AuthedCtx, traineeId: string): Promise<TraineeSupervisionDto> {
    await this.access.require(ctx.actor, traineeId, ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'], 'Trainee');
    const sessions: SessionRow[] = await this.db.query(
      `SELECT s.id, s.supervisor_id, to_char(s.date, 'YYYY-MM-DD') AS date, s.format, s.minutes,
              (SELECT count(*)::int FROM supervision_participants m WHERE m.session_id = s.id) AS member_count
         FROM supervision_sessions s JOIN supervision_participants p ON p.session_id = s.id AND p.trainee_id = $1
        ORDER BY s.date, s.created_at, s.id`,
      [traineeId],
    );
    // only this trainee's own cases: in a group, time on the others' cases is not time on theirs
    const reviews: { session_id: string; case_id: string; minutes: number | null }[] = await this.db.query(
      `SELECT r.session_id, r.case_id, r.minutes FROM supervision_case_reviews r
         JOIN supervised_cases c ON c.id = r.case_id AND c.trainee_id = $1
         JOIN supervision_participants p ON p.session_id = r.session_id AND p.trainee_id = $1
        ORDER BY r.case_id`,
      [traineeId],
    );
    const received: ReceivedSession[] = sessions.map((s) => ({
      sessionId: s.id,
      date: s.date,
      format: s.format,
      minutes: s.minutes,
      memberCount: s.member_count,
      reviews: reviews.filter((r) => r.session_id === s.id).map((r) => ({ caseId: r.case_id, minutes: r.minutes })),
    }));
    const summary = summariseSupervision(received, DEFAULT_GROUP_FORMULA);
    const supervisorOf = new Map(sessions.map((s) => [s.id, s.supervisor_id]));
    return {
      traineeId,
      creditFormula: toFormulaDto(DEFAULT_GROUP_FORMULA),
      sessions: summary.sessions.map((s) => ({ ...s, supervisorId: supervisorOf.get(s.sessionId) as string })),
      cases: summary.cases,
      totals: summary.totals,
    };
  }
}
