import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { addDays, todayUtc } from '../common/dates';
import { seedExampleRubrics } from '../rubrics/rubric-seed';
import { INTERNATIONAL_SCHEME, UK_STYLE_SCHEME, US_STYLE_SCHEME } from '../schemes/seed-schemes';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './demo-seed';

type Json = Record<string, unknown> & { id?: string; version?: number; contentHash?: string };

const daysAgo = (n: number) => addDays(todayUtc(new Date()), -n);

/**
 * The demo's training records, written through the public API exactly as people would (so the demo can
 * never hold data the API would refuse): supervision, profiles, training, cases in every review state with
 * sessions and measures, supervision sessions, ratings, schemes of three bodies and enrolments, one
 * issued accreditation listed in the public register and one lapsed accreditation to restore.
 */
export async function seedDemoRecords(app: NestFastifyApplication): Promise<void> {
  const db = app.get(DataSource);
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    token: string | null,
    body?: object,
    ifMatch?: number,
  ): Promise<Json> => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}) },
      ...(body ? { payload: body } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`demo seed: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const signIn = async (who: string) =>
    (await call('POST', '/auth/sign-in', null, { email: `${who}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD })).accessToken as string;
  const ids: Record<string, string> = {};
  for (const row of (await db.query(`SELECT id, email FROM users WHERE email LIKE $1`, [`%@${DEMO_DOMAIN}`])) as {
    id: string;
    email: string;
  }[]) {
    ids[row.email.split('@')[0]] = row.id;
  }
  const bodies: Record<string, string> = Object.fromEntries(
    ((await db.query(`SELECT id, code FROM bodies`)) as { id: string; code: string }[]).map((b) => [b.code, b.id]),
  );
  const tok = {
    adminUk: await signIn('bodyadmin.uk'),
    adminUs: await signIn('bodyadmin.us'),
    adminIsipt: await signIn('bodyadmin.isipt'),
    supUk: await signIn('supervisor.uk'),
    supUs: await signIn('supervisor.us'),
    tUk: await signIn('trainee.uk'),
    t2Uk: await signIn('trainee2.uk'),
    tUs: await signIn('trainee.us'),
  };

  // supervision relationships, started half a year ago
  for (const [admin, trainee, supervisor, body] of [
    [tok.adminUk, 'trainee.uk', 'supervisor.uk', 'UK-IPT'],
    [tok.adminUk, 'trainee2.uk', 'supervisor.uk', 'UK-IPT'],
    [tok.adminUs, 'trainee.us', 'supervisor.us', 'US-IPT'],
  ] as const) {
    await call('POST', '/supervision/relationships', admin, {
      traineeId: ids[trainee],
      supervisorId: ids[supervisor],
      bodyId: bodies[body],
      startedOn: daysAgo(180),
    });
  }
  // profiles and training
  for (const [token, who, country, body, profession] of [
    [tok.tUk, 'trainee.uk', 'GB', 'UK-IPT', 'nurse'],
    [tok.t2Uk, 'trainee2.uk', 'GB', 'UK-IPT', 'psychologist'],
    [tok.tUs, 'trainee.us', 'US', 'US-IPT', 'social_worker'],
  ] as const) {
    await call('PUT', `/trainees/${ids[who]}/profile`, token, {
      countryCode: country,
      homeBodyId: bodies[body],
      coreProfession: profession,
      licences: [{ jurisdiction: country, number: `${country}-${who.length}4821`, expiresOn: daysAgo(-400) }],
      memberships: [{ bodyId: bodies[body], from: daysAgo(400), to: null }],
    });
    const course = await call('POST', `/trainees/${ids[who]}/activities`, token, {
      kind: 'didactic_course',
      title: 'Introduction to IPT (4 days)',
      provider: 'Demo IPT Institute',
      hours: 16,
      delivery: 'in_person',
      date: daysAgo(200),
    });
    await call('POST', `/activities/${course.id}/verify`, who.endsWith('.us') ? tok.supUs : tok.supUk);
    await call('POST', `/trainees/${ids[who]}/activities`, token, {
      kind: 'cpd',
      title: 'Grief and complicated bereavement webinar',
      provider: 'Demo CPD',
      hours: 2.5,
      delivery: 'online',
      date: daysAgo(20),
    });
  }

  // cases in every review state (UK trainee), with sessions and measures
  const phq = (item9: number, base: number) => ({ instrument: 'PHQ9', items: [base, base, base, base, base, base, base, base, item9] });
  const makeCase = async (token: string, supervisor: string, c: Json & { startDate: string }, sessions: number, recorded = true) => {
    const created = await call('POST', '/cases', token, {
      supervisorId: ids[supervisor],
      format: 'individual',
      adaptation: 'adult',
      ageBand: '26-40',
      setting: 'community',
      plannedSessions: 12,
      recordingConsent: true,
      ...c,
    });
    let version = created.version as number;
    for (let n = 1; n <= sessions; n++) {
      const phase = n <= 3 ? 'initial' : n > 9 ? 'termination' : 'middle';
      const date = addDays(c.startDate, (n - 1) * 7);
      version = (
        await call(
          'POST',
          `/cases/${created.id}/sessions`,
          token,
          { number: n, date, durationMinutes: 50, phase, attended: true, recorded },
          version,
        )
      ).version as number;
    }
    return { id: created.id as string, version };
  };
  const signedOff = await makeCase(
    tok.tUk,
    'supervisor.uk',
    {
      primaryDiagnosis: 'F32.1',
      focusProblemArea: 'role_transition',
      startDate: daysAgo(160),
      presentingProblem: 'Low mood after retirement.',
    },
    12,
  );
  // measures are case content: If-Match with the case's version, which each write bumps
  await call(
    'POST',
    `/cases/${signedOff.id}/measures`,
    tok.tUk,
    { ...phq(0, 2), administeredOn: daysAgo(150), sessionNumber: 0 },
    signedOff.version,
  );
  await call(
    'POST',
    `/cases/${signedOff.id}/measures`,
    tok.tUk,
    { ...phq(0, 1), administeredOn: daysAgo(80), sessionNumber: 10 },
    signedOff.version + 1,
  );
  const completed = await call(
    'PATCH',
    `/cases/${signedOff.id}`,
    tok.tUk,
    { status: 'completed', endDate: daysAgo(60), endReason: 'Planned ending after 12 sessions' },
    (await call('GET', `/cases/${signedOff.id}`, tok.tUk)).version as number,
  );
  void completed;
  await call('POST', '/supervision-sessions', tok.supUk, {
    date: daysAgo(100),
    minutes: 60,
    format: 'individual',
    participantIds: [ids['trainee.uk']],
    caseReviews: [{ caseId: signedOff.id }],
  });
  const sub1 = await call('POST', `/cases/${signedOff.id}/submit`, tok.tUk);
  await call('POST', `/cases/${signedOff.id}/sign-off`, tok.supUk, { contentHash: sub1.contentHash });

  const returned = await makeCase(
    tok.tUk,
    'supervisor.uk',
    {
      primaryDiagnosis: 'F33.0',
      focusProblemArea: 'role_dispute',
      startDate: daysAgo(120),
      presentingProblem: 'Conflict with partner, recurrent depression.',
    },
    6,
  );
  await call('POST', `/cases/${returned.id}/submit`, tok.tUk);
  await call('POST', `/cases/${returned.id}/return`, tok.supUk, {
    comments: 'Please complete the interpersonal inventory in the formulation.',
  });

  const risky = await makeCase(
    tok.t2Uk,
    'supervisor.uk',
    { primaryDiagnosis: 'F32.2', focusProblemArea: 'grief', startDate: daysAgo(90), presentingProblem: 'Bereavement, sleeping badly.' },
    4,
  );
  await call(
    'POST',
    `/cases/${risky.id}/measures`,
    tok.t2Uk,
    { ...phq(1, 2), administeredOn: daysAgo(60), sessionNumber: 4 },
    risky.version,
  );
  await call('POST', `/cases/${risky.id}/submit`, tok.t2Uk);

  await makeCase(
    tok.t2Uk,
    'supervisor.uk',
    {
      primaryDiagnosis: 'F34.1',
      focusProblemArea: 'interpersonal_deficits',
      startDate: daysAgo(30),
      presentingProblem: 'Long-standing isolation.',
    },
    2,
    false,
  );
  const usCase = await makeCase(
    tok.tUs,
    'supervisor.us',
    { primaryDiagnosis: 'F32.1', focusProblemArea: 'grief', startDate: daysAgo(140), presentingProblem: 'Loss of a parent.' },
    8,
  );
  await call(
    'POST',
    `/cases/${usCase.id}/measures`,
    tok.tUs,
    { ...phq(0, 2), administeredOn: daysAgo(139), sessionNumber: 0 },
    usCase.version,
  );
  await call(
    'POST',
    `/cases/${usCase.id}/measures`,
    tok.tUs,
    { instrument: 'GAD7', items: [2, 2, 1, 2, 1, 2, 1], administeredOn: daysAgo(139), sessionNumber: 0 },
    usCase.version + 1,
  );

  // rubrics (global examples) and a rating of a recorded session
  await db.transaction(async (em) => {
    const created = await seedExampleRubrics(em);
    await em.insert(AuditEntry, {
      actorId: null,
      actorRole: 'SYSTEM',
      bodyId: null,
      action: 'system.seed_rubrics',
      entityType: 'rubric',
      entityId: null,
      changes: { codes: created },
      requestId: null,
    });
  });
  const [ipt] = (await db.query(
    `SELECT v.id, v.definition FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE r.code = 'IPT-EXAMPLE-QA' AND v.status = 'published'`,
  )) as { id: string; definition: { items: { code: string }[] } }[];
  const [session1] = (await db.query(`SELECT id FROM therapy_sessions WHERE case_id = $1 AND number = 2`, [signedOff.id])) as {
    id: string;
  }[];
  const rating = await call('POST', '/ratings', tok.supUk, {
    rubricVersionId: ipt.id,
    targetType: 'session',
    targetId: session1.id,
    scores: Object.fromEntries(ipt.definition.items.map((i, n) => [i.code, 3 + (n % 2)])),
    overallComment: 'Warm, well-paced inventory.',
  });
  await call('POST', `/ratings/${rating.id}/submit`, tok.supUk);

  // schemes of the three bodies, published, and the trainees enrolled
  const schemes: Record<string, string> = {};
  for (const [token, body, code, name, def] of [
    [tok.adminIsipt, 'ISIPT', 'ISIPT-CERT', 'ISIPT certification (example)', INTERNATIONAL_SCHEME],
    [tok.adminUk, 'UK-IPT', 'UK-ACCREDITATION', 'UK-style accreditation (example)', UK_STYLE_SCHEME],
    [tok.adminUs, 'US-IPT', 'US-LEVELS', 'US-style level ladder (example)', US_STYLE_SCHEME],
  ] as const) {
    const scheme = await call('POST', '/schemes', token, { bodyId: bodies[body], code, name });
    schemes[body] = scheme.id as string;
    const version = await call('POST', `/schemes/${scheme.id}/versions`, token, { effectiveFrom: daysAgo(365), definition: def });
    await call('POST', `/scheme-versions/${version.id}/publish`, token, {
      allowPastEffectiveDate: true,
      reason: 'Demo data: the example scheme has been in force for a year',
    });
    if (body === 'UK-IPT') {
      await call('POST', `/schemes/${scheme.id}/enrolment`, tok.tUk, {});
      await call('POST', `/schemes/${scheme.id}/enrolment`, tok.t2Uk, {});
    }
    if (body === 'US-IPT') await call('POST', `/schemes/${scheme.id}/enrolment`, tok.tUs, {});
  }

  // one accreditation, so the public register and verification have something to show: the US trainee meets
  // Level A (a verified 16-hour course), applies, the US body approves, and the holder consents to the register
  // (the UK trainee's Level A is left for the web app's journeys to apply for and decide)
  const application = await call('POST', '/applications', tok.tUs, {
    schemeId: schemes['US-IPT'],
    levelCode: 'A',
    note: 'Course completed; applying for Level A.',
  });
  const approval = await call('POST', `/applications/${application.id}/approve`, tok.adminUs, { reason: 'Course certificate checked.' });
  const accreditation = approval.accreditation as Json;
  await call('PUT', `/accreditations/${accreditation.id}/public-listing`, tok.tUs, { publicListing: true }, accreditation.version);

  // recognition between bodies: IPT UK counts the US body's Level A as its practitioner level (B) once the holder is
  // also a member of IPT UK (one top-up rule), so Casey (US, Level A) sees a route to UK Level B with its gap
  const recognition = await call('POST', '/recognitions', tok.adminUk, {
    toSchemeId: schemes['UK-IPT'],
    toLevelCode: 'B',
    fromBodyId: bodies['US-IPT'],
    fromSchemeCode: 'US-LEVELS',
    fromLevelCode: 'A',
    effectiveFrom: daysAgo(30),
    topUps: [{ id: 'uk-membership', type: 'membership', label: 'Membership of IPT UK', params: {} }],
    note: 'US Level A holders join IPT UK; the practitioner requirements are otherwise met by the US training.',
  });
  await call('POST', `/recognitions/${recognition.id}/publish`, tok.adminUk, {
    allowPastEffectiveDate: true,
    reason: 'The agreement with the US body dates from last month.',
  });

  // one lapsed accreditation, for the body admin to restore: the second UK trainee's annual Practitioner level,
  // issued last year and not renewed. Only the dates are back-dated here (no API moves time); the lapse itself
  // is the body's own expiry run.
  const bApp = await call('POST', '/applications', tok.t2Uk, { schemeId: schemes['UK-IPT'], levelCode: 'B' });
  const bApproval = await call('POST', `/applications/${bApp.id}/approve`, tok.adminUk, {
    overrideReason: 'Demo: accredited under the previous arrangements.',
  });
  await db.query(`UPDATE accreditations SET issued_on = $2, expires_on = $3 WHERE id = $1`, [
    (bApproval.accreditation as Json).id,
    daysAgo(400),
    daysAgo(35),
  ]);
  await call('POST', `/accreditations/process-expiries?bodyId=${bodies['UK-IPT']}`, tok.adminUk);
}
