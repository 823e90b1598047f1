import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateOf } from '../common/dates';
import { renewalDueNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { claimScheduleRun } from '../notifications/schedule-runs';
import type { LevelDef } from '../schemes/scheme-definition';
import { renewalReminderDue } from './accreditation-lifecycle';

export const RENEWAL_REMINDER_JOB = 'accreditation.renewal_reminders';

// Active accreditations that expire within a year (reminderDaysBefore is at most 365) and have not expired before
// `asOf`, with the level definition they are held under.
const CANDIDATES_SQL = `
  SELECT a.id, a.holder_id, a.level_code, a.expires_on,
         (SELECT l FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1) AS level
    FROM accreditations a JOIN scheme_versions v ON v.id = a.scheme_version_id
   WHERE a.status = 'active' AND a.expires_on IS NOT NULL AND a.expires_on >= $1::date AND a.expires_on <= $1::date + 366
   ORDER BY a.expires_on, a.id`;

/**
 * The daily renewal reminder: each holder whose accreditation is inside its level's reminder window is told once per
 * expiry date. Runs once per day across replicas (schedule_runs), and each notice carries a once-key, so a run on a
 * later day (or a second run of the same day) writes no duplicate.
 */
@Injectable()
export class AccreditationRemindersService {
  private readonly logger = new Logger('RenewalReminders');

  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Runs the reminders of day `asOf` (YYYY-MM-DD) unless a replica already did; returns how many were written. */
  async runRenewalReminders(asOf: string): Promise<number> {
    const sent = await this.db.transaction(async (em) => {
      if (!(await claimScheduleRun(em, RENEWAL_REMINDER_JOB, asOf))) return 0;
      const rows: { id: string; holder_id: string; level_code: string; expires_on: unknown; level: LevelDef | null }[] = await em.query(
        CANDIDATES_SQL,
        [asOf],
      );
      let n = 0;
      for (const r of rows) {
        const expiresOn = dateOf(r.expires_on);
        if (!r.level?.renewal || !renewalReminderDue(expiresOn, r.level.renewal, asOf)) continue;
        if (await this.notifications.enqueue(em, renewalDueNotice({ id: r.id, holderId: r.holder_id, levelCode: r.level_code, expiresOn })))
          n++;
      }
      return n;
    });
    if (sent) this.logger.log(`Renewal reminders ${asOf}: ${sent} written`);
    return sent;
  }
}
