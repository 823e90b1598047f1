import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/env';
import { calibrationExpiringNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { claimScheduleRun } from '../notifications/schedule-runs';
import { loadBodyAttempts } from './calibrated-raters';
import { attemptFigures, calibrationReminderDue, calibrationStatus, type RaterAttempts } from './calibration-figures';

export const CALIBRATION_REMINDER_JOB = 'calibration.expiring_reminders';
const TICK_MS = 60 * 60 * 1000;

/**
 * The daily reminder to raters whose calibration in a body runs out within CALIBRATION_REMINDER_DAYS. Runs once per
 * day across replicas (schedule_runs) from an hourly tick; each notice carries a once-key (body, rater, calibrating
 * attempt), so later runs write no duplicate.
 */
@Injectable()
export class CalibrationRemindersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CalibrationReminders');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.EXPIRY_SWEEP_ENABLED) return;
    this.timer = setInterval(() => {
      if (!this.db.isInitialized) return;
      this.runExpiringReminders(new Date()).catch((err: Error) => this.logger.warn(`Calibration reminders skipped: ${err.message}`));
    }, TICK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs the reminders of `now`'s UTC day unless a replica already did; returns how many were written. */
  async runExpiringReminders(now: Date): Promise<number> {
    const period = now.toISOString().slice(0, 10);
    const sent = await this.db.transaction(async (em) => {
      if (!(await claimScheduleRun(em, CALIBRATION_REMINDER_JOB, period))) return 0;
      const bodies: { body_id: string }[] = await em.query(`SELECT DISTINCT body_id FROM calibration_exercises ORDER BY body_id`);
      let n = 0;
      for (const { body_id: bodyId } of bodies) {
        const byRater = new Map<string, RaterAttempts['attempts']>();
        for (const r of await loadBodyAttempts(em, bodyId)) {
          const withinTolerance = attemptFigures(r.definition, r.referenceScores, r.scores, r.tolerance).withinTolerance;
          byRater.set(r.raterId, [...(byRater.get(r.raterId) ?? []), { submittedAt: r.submittedAt, withinTolerance }]);
        }
        for (const [raterId, attempts] of byRater) {
          const decision = calibrationStatus(attempts, now);
          if (!calibrationReminderDue(decision, now)) continue;
          const notice = calibrationExpiringNotice({
            raterId,
            bodyId,
            attemptAt: decision.decidingAttemptAt!,
            validUntil: decision.validUntil!.toISOString().slice(0, 10),
          });
          if (await this.notifications.enqueue(em, notice)) n++;
        }
      }
      return n;
    });
    if (sent) this.logger.log(`Calibration reminders ${period}: ${sent} written`);
    return sent;
  }
}
