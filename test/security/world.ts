import { randomBytes } from 'node:crypto';
import { Role } from '../../src/common/roles';
import type { Body } from '../../src/bodies/body.entity';
import { caseBody, daysAgo, session, supervise } from '../cases-fixtures';
import { dayOffset, decodePart, makeAccreditation, sign } from '../credentials-fixtures';
import { makeBody, makeUser, type TestUser } from '../support/factories';
import { IPT_TAXONOMY_DEFINITION } from '../../src/taxonomies/ipt-taxonomy';
import type { TestApp } from '../support/test-app';

// Two symmetric worlds (bodies A and B), each holding a record of every kind the routes touch.
// Objects named `*Spare*` are disposable: destructive or state-changing routes use them.

export const API = '/api/v1';
const hex = () => randomBytes(3).toString('hex').toUpperCase();

export const INSTRUMENT_DEFINITION = {
  items: [
    { min: 0, max: 4 },
    { min: 0, max: 4 },
  ],
  total: { min: 0, max: 8 },
  bands: [
    { min: 0, max: 3, label: 'low' },
    { min: 4, max: 8, label: 'high' },
  ],
  riskItems: [2],
};

export const RUBRIC_DEFINITION = {
  scale: { min: 1, max: 5 },
  items: [
    { code: 'inventory', label: 'Interpersonal inventory' },
    { code: 'focus', label: 'Agreed focus' },
  ],
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
};

export const SCHEME_DEFINITION = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 2, terminationSessions: 2 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'PRACTITIONER',
      name: 'IPT Practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'fixed_term', months: 60 },
      renewal: {
        requirements: [{ id: 'cpd', type: 'cpd', params: { withinMonths: 60, minHours: 20 } }],
        graceDays: 90,
        reminderDaysBefore: 60,
        auditSharePercent: 5,
      },
      prerequisites: [],
      requirements: [{ id: 'course', type: 'learning_hours', label: '16 h course', params: { kinds: ['didactic_course'], minHours: 16 } }],
    },
  ],
};

export const activityBody = (over: Record<string, unknown> = {}) => ({
  kind: 'didactic_course',
  title: 'Introductory IPT course',
  provider: 'National IPT body',
  hours: 16,
  delivery: 'in_person',
  date: '2024-05-10',
  ...over,
});

export const profileBody = (bodyId: string) => ({
  countryCode: 'GB',
  homeBodyId: bodyId,
  coreProfession: 'psychologist',
  licences: [],
  memberships: [{ bodyId, from: '2020-01-01', to: null }],
});

export const qualificationBody = () => ({
  kind: 'degree',
  code: 'MSC_CLIN_PSY',
  title: 'MSc Clinical Psychology',
  issuer: 'University',
  awardedOn: '2019-07-01',
});

export interface World {
  name: 'A' | 'B';
  body: Body;
  trainee: TestUser;
  supervisor: TestUser;
  /** a second supervisor in the body, no relationship yet (pending requests point at them) */
  supervisor2: TestUser;
  admin: TestUser;
  ids: Record<string, string>;
  /** current versions of versioned records, for If-Match */
  versions: Record<string, number>;
  contentHash: string;
  certificateNumber: string;
}

async function ok<T = Record<string, unknown>>(p: PromiseLike<{ status: number; body: unknown }>, label: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`world setup: ${label} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export async function buildWorld(t: TestApp, name: 'A' | 'B', global: TestUser): Promise<World> {
  const http = () => t.http();
  const body = await makeBody(t, { name: `Body ${name}` });
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }], {
    email: `trainee-${name.toLowerCase()}-${hex().toLowerCase()}@test.example`,
  });
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const supervisor2 = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  await supervise(t, trainee.id, supervisor.id, body.id);
  const ids: Record<string, string> = {
    body: body.id,
    trainee: trainee.id,
    supervisor: supervisor.id,
    supervisor2: supervisor2.id,
    admin: admin.id,
  };
  const versions: Record<string, number> = {};
  const T = trainee.auth;

  const [rel] = await t.db.query(`SELECT id FROM supervision_relationships WHERE trainee_id = $1 AND supervisor_id = $2`, [
    trainee.id,
    supervisor.id,
  ]);
  ids.relationship = rel.id;
  // pending requests to supervisor2: one to accept/decline, one to cancel
  ids.pendingRel = (
    await ok<{ id: string }>(http().post(`${API}/supervision/requests`).set(T).send({ supervisorId: supervisor2.id }), 'request')
  ).id;

  const prof = await ok<{ version: number }>(
    http().put(`${API}/trainees/${trainee.id}/profile`).set(T).send(profileBody(body.id)),
    'profile',
  );
  versions.profile = prof.version;

  for (const key of ['activity', 'activity2', 'activitySpare']) {
    const a = await ok<{ id: string; version: number }>(
      http().post(`${API}/trainees/${trainee.id}/activities`).set(T).send(activityBody()),
      key,
    );
    ids[key] = a.id;
    versions[key] = a.version;
  }

  // qualifications: one with a document (read, edit), one to verify, one to reject, a spare to delete
  for (const key of ['qualification', 'qualification2', 'qualification3', 'qualificationSpare']) {
    const q = await ok<{ id: string; version: number }>(
      http().post(`${API}/trainees/${trainee.id}/qualifications`).set(T).send(qualificationBody()),
      key,
    );
    ids[key] = q.id;
    versions[key] = q.version;
  }
  versions.qualification = (
    await ok<{ version: number }>(
      http()
        .put(`${API}/qualifications/${ids.qualification}/document`)
        .set(T)
        .set('content-type', 'application/pdf')
        .set('if-match', `"${versions.qualification}"`)
        .send(Buffer.from('%PDF-1.4\n%%EOF\n')),
      'qualification document',
    )
  ).version;
  // the trainee's record submitted to their own body (issue 16), for the withdraw row: nobody else's to withdraw
  ids.recordSubmission = (
    await ok<{ id: string }>(http().post(`${API}/me/record-submissions`).set(T).send({ bodyId: body.id }), 'record submission')
  ).id;
  // references asked for by the trainee: one to resend, one to cancel; two link tokens the matrix knows (public routes)
  for (const key of ['reference', 'reference2']) {
    ids[key] = (
      await ok<{ id: string }>(
        http()
          .post(`${API}/me/references`)
          .set(T)
          .send({
            bodyId: body.id,
            kind: 'clinical',
            refereeName: 'Ref',
            refereeEmail: `${key}-${name}@referee.example`.toLowerCase(),
            relation: 'Colleague',
          }),
        key,
      )
    ).id;
  }
  for (const key of ['referenceToken', 'referenceToken2']) {
    ids[key] = `matrix-${key}-${name}`;
    await t.db.query(
      `INSERT INTO reference_requests (applicant_id, body_id, kind, referee_name, referee_email, relation, token_hash, expires_at)
       VALUES ($1, $2, 'clinical', 'Ref', $3, 'Colleague', encode(sha256($4::bytea), 'hex'), now() + interval '1 day')`,
      [trainee.id, body.id, `${key}-${name}@referee.example`.toLowerCase(), ids[key]],
    );
  }

  // the main case: sessions and a measure; a spare case for delete; a submitted case for return/sign-off
  const c = await ok<{ id: string; version: number }>(
    http()
      .post(`${API}/cases`)
      .set(T)
      .send(caseBody(supervisor.id, { plannedSessions: 4 })),
    'case',
  );
  ids.case = c.id;
  let v = c.version;
  for (const n of [1, 2, 3, 4]) {
    const s = await ok<{ sessions: { id: string; number: number }[] }>(
      http()
        .post(`${API}/cases/${c.id}/sessions`)
        .set(T)
        .set('If-Match', `"${v}"`)
        .send(session(n, daysAgo(60 - n * 7))),
      `session ${n}`,
    );
    ids[['session', 'session2', 'sessionRate', 'sessionSpare'][n - 1]] = s.sessions.find((x) => x.number === n)!.id;
    v += 1;
  }
  for (const key of ['measure', 'measureSpare']) {
    const m = await ok<{ id: string }>(
      http()
        .post(`${API}/cases/${c.id}/measures`)
        .set(T)
        .set('If-Match', `"${v}"`)
        .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: [0, 0, 0, 0, 0, 0, 0, 0, 1] }),
      key,
    );
    ids[key] = m.id;
    v += 1;
  }
  const cur = await ok<{ version: number; contentHash: string }>(http().get(`${API}/cases/${c.id}`).set(T), 'case read');
  versions.case = cur.version;
  ids.caseSpare = (await ok<{ id: string }>(http().post(`${API}/cases`).set(T).send(caseBody(supervisor.id)), 'case spare')).id;
  const sub = await ok<{ id: string }>(http().post(`${API}/cases`).set(T).send(caseBody(supervisor.id)), 'case submitted');
  ids.caseSubmitted = sub.id;
  await ok(
    http()
      .post(`${API}/cases/${sub.id}/sessions`)
      .set(T)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50))),
    'submitted session',
  );
  const submitted = await ok<{ contentHash: string }>(http().post(`${API}/cases/${sub.id}/submit`).set(T), 'submit');
  const contentHash = submitted.contentHash;
  // the submission told the supervisor (in-app notification)
  ids.notification = (
    (await t.db.query(`SELECT id FROM notifications WHERE recipient_id = $1 LIMIT 1`, [supervisor.id])) as { id: string }[]
  )[0].id;
  const sub2 = await ok<{ id: string }>(http().post(`${API}/cases`).set(T).send(caseBody(supervisor.id)), 'case submitted 2');
  ids.caseSubmitted2 = sub2.id;
  await ok(
    http()
      .post(`${API}/cases/${sub2.id}/sessions`)
      .set(T)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50))),
    'submitted session 2',
  );
  await ok(http().post(`${API}/cases/${sub2.id}/submit`).set(T), 'submit 2');

  for (const key of ['supervisionSession', 'supervisionSessionSpare']) {
    const s = await ok<{ id: string; version: number }>(
      http()
        .post(`${API}/supervision-sessions`)
        .set(supervisor.auth)
        .send({ date: daysAgo(0), minutes: 50, format: 'individual', participantIds: [trainee.id] }),
      key,
    );
    ids[key] = s.id;
    versions[key] = s.version;
  }

  // the body's rubric: a published version (ratings, calibration) and a draft version (edits, publish)
  const rub = await ok<{ id: string; versions: { id: string }[] }>(
    http()
      .post(`${API}/rubrics`)
      .set(admin.auth)
      .send({
        ownerBodyId: body.id,
        code: `R-${hex()}`,
        name: 'IPT session',
        modality: 'IPT',
        target: 'session',
        definition: RUBRIC_DEFINITION,
      }),
    'rubric',
  );
  ids.rubric = rub.id;
  ids.rubricVersion = rub.versions[0].id;
  await ok(http().post(`${API}/rubric-versions/${ids.rubricVersion}/publish`).set(admin.auth), 'rubric publish');
  const draft = await ok<{ id: string; version: number }>(http().post(`${API}/rubrics/${rub.id}/versions`).set(admin.auth), 'rubric draft');
  ids.rubricDraft = draft.id;
  versions.rubricDraft = draft.version;

  const rub2 = await ok<{ id: string; versions: { id: string }[] }>(
    http()
      .post(`${API}/rubrics`)
      .set(admin.auth)
      .send({
        ownerBodyId: body.id,
        code: `R-${hex()}`,
        name: 'IPT spare',
        modality: 'IPT',
        target: 'session',
        definition: RUBRIC_DEFINITION,
      }),
    'rubric 2',
  );
  ids.rubricDraft2 = rub2.versions[0].id;
  versions.rubricDraft2 = 1;

  // outcome instruments of the body: one published, two drafts (one per role that edits and publishes)
  const instrument = (name: string) =>
    ok<{ id: string; rowVersion: number }>(
      http()
        .post(`${API}/instruments`)
        .set(admin.auth)
        .send({ bodyId: body.id, code: `I-${hex()}`, name, construct: 'distress', version: '1', definition: INSTRUMENT_DEFINITION }),
      name,
    );
  const published = await instrument('Matrix instrument');
  ids.instrument = published.id;
  await ok(http().post(`${API}/instruments/${published.id}/publish`).set(admin.auth), 'instrument publish');
  for (const key of ['instrumentDraft', 'instrumentDraft2']) {
    const draft = await instrument(key);
    ids[key] = draft.id;
    versions[key] = draft.rowVersion;
  }

  for (const [key, target] of [
    ['rating', 'session'],
    ['ratingSpare', 'session2'],
  ]) {
    const r = await ok<{ id: string; version: number }>(
      http()
        .post(`${API}/ratings`)
        .set(supervisor.auth)
        .send({ rubricVersionId: ids.rubricVersion, targetType: 'session', targetId: ids[target], scores: { inventory: 4, focus: 3 } }),
      key,
    );
    ids[key] = r.id;
    versions[key] = r.version;
  }
  await ok(http().post(`${API}/ratings/${ids.ratingSpare}/submit`).set(supervisor.auth), 'rating submit');

  for (const key of ['exercise', 'exerciseSpare']) {
    const e = await ok<{ id: string }>(
      http()
        .post(`${API}/calibration/exercises`)
        .set(admin.auth)
        .send({
          bodyId: body.id,
          rubricVersionId: ids.rubricVersion,
          title: 'Session 3',
          description: 'Reference recording',
          referenceScores: { inventory: 3, focus: 3 },
          tolerance: { maxMeanAbsDiff: 0.5 },
        }),
      key,
    );
    ids[key] = e.id;
  }

  const scheme = await ok<{ id: string }>(
    http()
      .post(`${API}/schemes`)
      .set(admin.auth)
      .send({ bodyId: body.id, code: `S-${hex()}`, name: 'Scheme' }),
    'scheme',
  );
  ids.scheme = scheme.id;
  const sv = await ok<{ id: string }>(
    http()
      .post(`${API}/schemes/${scheme.id}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(30), definition: SCHEME_DEFINITION }),
    'scheme version',
  );
  ids.schemeVersion = sv.id;
  await ok(
    http()
      .post(`${API}/scheme-versions/${sv.id}/publish`)
      .set(admin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' }),
    'scheme publish',
  );
  const sd = await ok<{ id: string; version: number }>(
    http()
      .post(`${API}/schemes/${scheme.id}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(1) }),
    'scheme draft',
  );
  ids.schemeDraft = sd.id;
  versions.schemeDraft = sd.version;
  await ok(http().post(`${API}/schemes/${scheme.id}/enrolment`).set(T).send({}), 'enrolment');
  const scheme2 = await ok<{ id: string }>(
    http()
      .post(`${API}/schemes`)
      .set(admin.auth)
      .send({ bodyId: body.id, code: `S-${hex()}`, name: 'Scheme 2' }),
    'scheme 2',
  );
  ids.scheme2 = scheme2.id;
  const sv2 = await ok<{ id: string }>(
    http()
      .post(`${API}/schemes/${scheme2.id}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(30), definition: SCHEME_DEFINITION }),
    'scheme 2 version',
  );
  ids.schemeVersion2 = sv2.id;
  await ok(
    http()
      .post(`${API}/scheme-versions/${sv2.id}/publish`)
      .set(admin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' }),
    'scheme 2 publish',
  );
  const sd2 = await ok<{ id: string; version: number }>(
    http()
      .post(`${API}/schemes/${scheme2.id}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(1) }),
    'scheme 2 draft',
  );
  ids.schemeDraft2 = sd2.id;
  versions.schemeDraft2 = sd2.version;

  // a published taxonomy of the body, and two drafts (each admin edits and publishes its own)
  const taxonomy = await ok<{ id: string }>(
    http()
      .post(`${API}/taxonomies`)
      .set(admin.auth)
      .send({ bodyId: body.id, code: `T-${hex()}`, name: 'Taxonomy', definition: IPT_TAXONOMY_DEFINITION }),
    'taxonomy',
  );
  ids.taxonomy = taxonomy.id;
  await ok(http().post(`${API}/taxonomies/${taxonomy.id}/publish`).set(admin.auth), 'taxonomy publish');
  for (const key of ['taxonomyDraft', 'taxonomyDraft2']) {
    const d = await ok<{ id: string; version: number }>(
      http()
        .post(`${API}/taxonomies`)
        .set(admin.auth)
        .send({ bodyId: body.id, code: `T-${hex()}`, name: 'Draft taxonomy', definition: IPT_TAXONOMY_DEFINITION }),
      key,
    );
    ids[key] = d.id;
    versions[key] = d.version;
  }

  const app = await ok<{ id: string }>(
    http().post(`${API}/applications`).set(T).send({ schemeId: scheme.id, levelCode: 'PRACTITIONER' }),
    'application',
  );
  ids.application = app.id;

  for (const [key, other] of [
    ['conflict', trainee.id],
    ['conflict2', supervisor.id],
  ]) {
    const coi = await ok<{ id: string }>(
      http().post(`${API}/conflicts-of-interest`).set(supervisor2.auth).send({ otherUserId: other, kind: 'personal_friend' }),
      key,
    );
    ids[key] = coi.id;
  }

  for (const key of [
    'accreditation',
    'accreditationSuspended',
    'accreditationSuspended2',
    'accreditationSpare',
    'accreditationDue',
    'accreditationLapsed',
    'accreditationLapsed2',
  ]) {
    // held to the body's real scheme version (the fixture's own scheme has an empty definition)
    const over = {
      schemeVersionId: ids.schemeVersion,
      levelCode: 'PRACTITIONER',
      levelName: 'IPT Practitioner',
      ...(key.startsWith('accreditationSuspended') ? { status: 'suspended' } : {}),
      ...(key === 'accreditationDue' ? { issuedOn: dayOffset(-1800), expiresOn: dayOffset(20) } : {}),
      ...(key.startsWith('accreditationLapsed') ? { status: 'lapsed', issuedOn: dayOffset(-1860), expiresOn: dayOffset(-60) } : {}),
    };
    const acc = await makeAccreditation(t, body, trainee.id, over as never);
    ids[key] = acc.id;
    if (key === 'accreditation') {
      ids.certificateNumber = acc.certificateNumber;
      ids.signingKey = String(decodePart(await sign(t, acc, body.name), 0).kid)
        .split('/')
        .pop()!;
    }
    const [row] = await t.db.query(`SELECT version FROM accreditations WHERE id = $1`, [acc.id]);
    versions[key] = row.version;
  }
  // disposable trainees (disable/enable, role grants, relationships to end), each actively supervised
  for (const [i, suffix] of [
    [1, ''],
    [2, '2'],
    [3, '3'],
  ] as const) {
    const spare = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    ids[`spareUser${suffix}`] = spare.id;
    const [g] = await t.db.query(`SELECT id FROM role_grants WHERE user_id = $1`, [spare.id]);
    ids[`spareGrant${suffix}`] = g.id;
    await supervise(t, spare.id, supervisor.id, body.id);
    const [r] = await t.db.query(`SELECT id FROM supervision_relationships WHERE trainee_id = $1`, [spare.id]);
    ids[`relationshipSpare${suffix}`] = r.id;
    if (i === 2) {
      await ok(http().post(`${API}/schemes/${scheme.id}/enrolment`).set(spare.auth).send({}), 'spare enrolment');
      ids.application2 = (
        await ok<{ id: string }>(
          http().post(`${API}/applications`).set(spare.auth).send({ schemeId: scheme.id, levelCode: 'PRACTITIONER' }),
          'application 2',
        )
      ).id;
    }
  }
  ids.supervisor3 = (await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }])).id;
  // invitations: two to resend, two to withdraw, and one whose link token the matrix knows (public routes)
  for (const key of ['invitation', 'invitation2', 'invitationW', 'invitationW2']) {
    ids[key] = (
      await ok<{ id: string }>(
        http()
          .post(`${API}/bodies/${body.id}/invitations`)
          .set(admin.auth)
          .send({ email: `${key}-${name}@invited.example`.toLowerCase(), role: 'SUPERVISOR' }),
        key,
      )
    ).id;
  }
  for (const key of ['invitationToken', 'invitationToken2']) {
    ids[key] = `matrix-${key}-${name}`;
    await t.db.query(
      `INSERT INTO invitations (body_id, role, email, token_hash, expires_at) VALUES ($1, 'TRAINEE', $2, encode(sha256($3::bytea), 'hex'), now() + interval '1 day')`,
      [body.id, `${key}-${name}@invited.example`.toLowerCase(), ids[key]],
    );
  }
  // an account of its own for the mailed-link routes (a reset ends its sessions, a change moves its address)
  const linkUser = await makeUser(t, []);
  for (const [key, purpose, newEmail] of [
    ['resetToken', 'password_reset', null],
    ['verifyToken', 'verify_email', null],
    ['changeToken', 'change_email', `moved-${name}-${hex()}@test.example`.toLowerCase()],
  ] as const) {
    ids[key] = `matrix-${key}-${name}`;
    await t.db.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, $2, encode(sha256($3::bytea), 'hex'), $4, now() + interval '1 hour')`,
      [linkUser.id, purpose, ids[key], newEmail],
    );
  }
  // recognitions (src/recognitions/): another body with three published schemes at level PRACTITIONER (written by the
  // global admin), recognised by this body: one published per target scheme, one draft per target scheme; the third
  // source scheme is left for the create route
  const sourceBody = await makeBody(t, { name: `Source of ${name}` });
  ids.sourceBody = sourceBody.id;
  for (const key of ['sourceScheme1', 'sourceScheme2', 'sourceScheme3']) {
    ids[key] = `SRC-${hex()}`;
    const s = await ok<{ id: string }>(
      http().post(`${API}/schemes`).set(global.auth).send({ bodyId: sourceBody.id, code: ids[key], name: 'Source scheme' }),
      key,
    );
    const v = await ok<{ id: string }>(
      http()
        .post(`${API}/schemes/${s.id}/versions`)
        .set(global.auth)
        .send({ effectiveFrom: daysAgo(30), definition: SCHEME_DEFINITION }),
      `${key} version`,
    );
    await ok(
      http()
        .post(`${API}/scheme-versions/${v.id}/publish`)
        .set(global.auth)
        .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' }),
      `${key} publish`,
    );
  }
  for (const [key, target, source, publish] of [
    ['recognition', 'scheme', 'sourceScheme1', true],
    ['recognition2', 'scheme2', 'sourceScheme1', true],
    ['recognitionDraft', 'scheme', 'sourceScheme2', false],
    ['recognitionDraft2', 'scheme2', 'sourceScheme2', false],
  ] as const) {
    const r = await ok<{ id: string; version: number }>(
      http()
        .post(`${API}/recognitions`)
        .set(admin.auth)
        .send({
          toSchemeId: ids[target],
          toLevelCode: 'PRACTITIONER',
          fromBodyId: sourceBody.id,
          fromSchemeCode: ids[source],
          fromLevelCode: 'PRACTITIONER',
          effectiveFrom: daysAgo(1),
          topUps: [],
        }),
      key,
    );
    ids[key] = r.id;
    versions[key] = r.version;
    if (publish)
      await ok(
        http()
          .post(`${API}/recognitions/${r.id}/publish`)
          .set(admin.auth)
          .send({ allowPastEffectiveDate: true, reason: 'In force since yesterday' }),
        `${key} publish`,
      );
  }
  return { name, body, trainee, supervisor, supervisor2, admin, ids, versions, contentHash, certificateNumber: ids.certificateNumber };
}
