import { Role } from '../src/common/roles';
import { makeBody, makeUser, type TestUser } from './support/factories';
import type { TestApp } from './support/test-app';

export const API = '/api/v1';
export const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export async function supervise(t: TestApp, traineeId: string, supervisorId: string, bodyId: string): Promise<void> {
  await t.db.query(
    `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on) VALUES ($1, $2, $3, 'active', $1, current_date)`,
    [traineeId, supervisorId, bodyId],
  );
}

export interface Team {
  bodyId: string;
  trainee: TestUser;
  supervisor: TestUser;
}

/** A body with a trainee under an active supervision. */
export async function team(t: TestApp): Promise<Team> {
  const body = await makeBody(t);
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  await supervise(t, trainee.id, supervisor.id, body.id);
  return { bodyId: body.id, trainee, supervisor };
}

export const caseBody = (supervisorId: string, over: Record<string, unknown> = {}) => ({
  supervisorId,
  format: 'individual',
  adaptation: 'adult',
  ageBand: '26-40',
  setting: 'community',
  primaryDiagnosis: 'F32.1',
  focusProblemArea: 'grief',
  plannedSessions: 16,
  startDate: daysAgo(60),
  recordingConsent: true,
  presentingProblem: 'Low mood since the death of her father.',
  ...over,
});

export async function makeCase(
  t: TestApp,
  tm: Team,
  over: Record<string, unknown> = {},
): Promise<{ id: string; version: number; contentHash: string }> {
  const res = await t.http().post(`${API}/cases`).set(tm.trainee.auth).send(caseBody(tm.supervisor.id, over));
  if (res.status !== 201) throw new Error(`creating a case: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const session = (number: number, date: string, phase = 'initial', over: Record<string, unknown> = {}) => ({
  number,
  date,
  durationMinutes: 50,
  phase,
  attended: true,
  recorded: true,
  ...over,
});
