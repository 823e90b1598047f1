import { caseBody, daysAgo, session } from '../cases-fixtures';
import { TEST_PASSWORD } from '../support/factories';
import { IPT_TAXONOMY_DEFINITION } from '../../src/taxonomies/ipt-taxonomy';
import {
  activityBody,
  INSTRUMENT_DEFINITION,
  profileBody,
  qualificationBody,
  RUBRIC_DEFINITION,
  SCHEME_DEFINITION,
  type World,
} from './world';

// The access matrix: one row per route ("METHOD path" exactly as listRoutes prints it). A route without a
// row fails the matrix test, so every new route forces a decision here.
//
// Actors: trainee, supervisor, adminA (BODY_ADMIN of A) act on world A's objects ("own") and on world B's
// ("foreign"); adminB acts on B's objects (own) and on A's (foreign); global (ADMIN) acts on A's objects;
// anon sends no token.
// Expectations derived, not declared: no token → 401 (unless PUBLIC); a role without the route's permission
// → 403 (from src/auth/permissions.ts). Declared per row:
//   own     — status for each role that holds the permission, on its own world's object; a permitted role
//             not listed must answer 404 (has the permission, but the object is outside its scope).
//   foreign — status for a permitted role on the other world's object (default 404, no existence oracle);
//             only checked for routes that address an object (path params) unless `foreignBody` is set.
// `who` lets a row give each role its own disposable object, so state-changing calls do not collide.

export type ActorKey = 'trainee' | 'supervisor' | 'adminA' | 'adminB' | 'global' | 'anon';
export const ACTORS: readonly ActorKey[] = ['trainee', 'supervisor', 'adminA', 'adminB', 'global', 'anon'];

export interface Ctx {
  /** the world the object belongs to */
  w: World;
  who: ActorKey;
  /** a unique suffix per request */
  n: string;
}

export interface MatrixRow {
  params?: (c: Ctx) => Record<string, string>;
  query?: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  ifMatch?: (c: Ctx) => string;
  own: Partial<Record<ActorKey, number>>;
  foreign?: number;
  /** for routes without path params: check foreign with the other world's body (ids in the body) */
  foreignBody?: boolean;
  /** sign the actor in afresh for the permitted call (the call ends or changes its session) */
  freshSession?: boolean;
  /** why the foreign-object check does not apply to this route */
  noForeign?: string;
}

const id = (key: string) => (c: Ctx) => ({ id: c.w.ids[key] });
/** each role its own object (state-changing calls must not collide); roles not listed use the first */
const pick = (c: Ctx, keys: Partial<Record<ActorKey, string>>) => c.w.ids[keys[c.who] ?? Object.values(keys)[0]!];
const per = (keys: Partial<Record<ActorKey, string>>) => (c: Ctx) => ({ id: pick(c, keys) });
const trainee = (c: Ctx) => ({ traineeId: c.w.ids.trainee });
const etag = (key: string) => (c: Ctx) => `"${c.w.versions[key]}"`;
const reason = () => ({ reason: 'Security matrix test' });

const READ_RECORD = { trainee: 200, supervisor: 200, adminA: 200, adminB: 200, global: 200 };
const LIST = { trainee: 200, supervisor: 200, adminA: 200, adminB: 200, global: 200 };

export const MATRIX: Record<string, MatrixRow> = {
  // ---- public -------------------------------------------------------------------------------------
  'GET /health/live': { own: { anon: 200 } },
  'GET /health/ready': { own: { anon: 200 } },
  'GET /api/v1/bodies': { own: { anon: 200 } },
  'GET /api/v1/bodies/:id': { params: (c) => ({ id: c.w.body.id }), own: { anon: 200 } },
  'GET /api/v1/register': { own: { anon: 200 } },
  'GET /api/v1/verify/bodies/:bodyId': { params: (c) => ({ bodyId: c.w.body.id }), own: { anon: 200 } },
  'GET /api/v1/verify/bodies/:bodyId/jwks': { params: (c) => ({ bodyId: c.w.body.id }), own: { anon: 200 } },
  'GET /api/v1/verify/bodies/:bodyId/keys/:keyId': {
    params: (c) => ({ bodyId: c.w.body.id, keyId: c.w.ids.signingKey }),
    own: { anon: 200 },
  },
  'GET /api/v1/verify/bodies/:bodyId/status-lists/:purpose': {
    params: (c) => ({ bodyId: c.w.body.id, purpose: 'suspension' }),
    own: { anon: 200 },
  },
  'GET /api/v1/verify/status/:certificateNumber': { params: (c) => ({ certificateNumber: c.w.ids.certificateNumber }), own: { anon: 200 } },
  'GET /api/v1/verify/:certificateNumber': { params: (c) => ({ certificateNumber: c.w.ids.certificateNumber }), own: { anon: 200 } },
  'POST /api/v1/verify': { body: () => ({ credential: 'e30.e30.e30' }), own: { anon: 200 } },
  'POST /api/v1/auth/register': {
    body: (c) => ({
      email: `reg-${c.n}@test.example`,
      password: 'a long enough passphrase',
      displayName: 'Registered',
      bodyId: c.w.body.id,
    }),
    own: { anon: 202 },
  },
  'POST /api/v1/auth/sign-in': { body: (c) => ({ email: c.w.supervisor2.email, password: TEST_PASSWORD }), own: { anon: 200 } },
  // the mailed-link routes, with tokens the world put in place of reading the mail (refusals: invitations.e2e-spec.ts)
  'POST /api/v1/invitations/preview': { body: (c) => ({ token: c.w.ids.invitationToken }), own: { anon: 200 } },
  'POST /api/v1/invitations/accept': {
    body: (c) => ({ token: c.w.ids.invitationToken2, displayName: 'Invited', password: 'a long enough passphrase' }),
    own: { anon: 200 },
  },
  'POST /api/v1/references/preview': { body: (c) => ({ token: c.w.ids.referenceToken }), own: { anon: 200 } },
  'POST /api/v1/references/submit': {
    body: (c) => ({ token: c.w.ids.referenceToken2, text: 'A reference written by the security matrix.' }),
    own: { anon: 200 },
  },
  'POST /api/v1/auth/password-reset': { body: (c) => ({ email: c.w.supervisor2.email }), own: { anon: 202 } },
  'POST /api/v1/auth/password-reset/complete': {
    body: (c) => ({ token: c.w.ids.resetToken, password: 'a long enough passphrase' }),
    own: { anon: 204 },
  },
  'POST /api/v1/auth/verify-email': { body: (c) => ({ token: c.w.ids.verifyToken }), own: { anon: 204 } },
  'POST /api/v1/auth/confirm-email-change': { body: (c) => ({ token: c.w.ids.changeToken }), own: { anon: 204 } },
  'POST /api/v1/auth/refresh': { body: (c) => ({ refreshToken: c.w.supervisor2.refreshToken }), own: { anon: 200 } },

  // ---- self ---------------------------------------------------------------------------------------
  'GET /api/v1/me': { own: { trainee: 200, supervisor: 200, adminA: 200, adminB: 200, global: 200 } },
  // one's own record only (no id to address another's)
  'GET /api/v1/me/record-export': { own: { trainee: 200, supervisor: 200, adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/me/record-export.pdf': { own: { trainee: 200, supervisor: 200, adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/schemes': { own: LIST },
  'GET /api/v1/schemes/rule-types': { own: LIST },
  'GET /api/v1/schemes/:id': { params: id('scheme'), own: READ_RECORD, foreign: 200 },
  'GET /api/v1/scheme-versions/:id': { params: id('schemeVersion'), own: READ_RECORD, foreign: 200 },
  'GET /api/v1/taxonomies': { own: LIST },
  // published taxonomies are readable by everyone signed in (a case form needs them); drafts: see taxonomies.e2e-spec
  'GET /api/v1/taxonomies/:id': { params: id('taxonomy'), own: READ_RECORD, foreign: 200 },
  'GET /api/v1/bodies/:bodyId/taxonomies': { params: (c) => ({ bodyId: c.w.body.id }), own: READ_RECORD, foreign: 200 },
  'GET /api/v1/accreditations/:id/credential': {
    params: id('accreditation'),
    own: { trainee: 200, adminA: 200, adminB: 200, global: 200 },
  },
  'GET /api/v1/accreditations/:id/certificate.pdf': {
    params: id('accreditation'),
    own: { trainee: 200, adminA: 200, adminB: 200, global: 200 },
  },
  'PUT /api/v1/accreditations/:id/public-listing': {
    params: id('accreditation'),
    body: () => ({ publicListing: true }),
    ifMatch: etag('accreditation'),
    own: { trainee: 200, supervisor: 404, adminA: 404, adminB: 404, global: 404 },
  },
  'POST /api/v1/accreditations/:id/renew': { params: id('accreditationDue'), body: () => ({ declaration: true }), own: { trainee: 200 } },
  'GET /api/v1/me/notifications': { own: LIST },
  // references (issue 15): one's own requests; the text only for the body's admins
  'GET /api/v1/me/references': { own: { trainee: 200, supervisor: 200, adminA: 200, adminB: 200 } },
  'POST /api/v1/me/references': {
    body: (c) => ({
      bodyId: c.w.body.id,
      kind: 'clinical',
      refereeName: 'R',
      refereeEmail: `m-${c.n}@referee.example`,
      relation: 'Colleague',
    }),
    own: { trainee: 201, supervisor: 201, adminA: 201, adminB: 201 },
    foreignBody: true,
    foreign: 400,
  },
  // record submissions (issue 16): one's own act; submitting to another body is covered by cross-border.e2e-spec
  'GET /api/v1/me/record-submissions': { own: LIST },
  'POST /api/v1/me/record-submissions': {
    body: (c) => ({ bodyId: c.w.body.id }),
    own: { trainee: 409, supervisor: 201, adminA: 201, adminB: 201, global: 201 },
  },
  'POST /api/v1/me/record-submissions/:id/withdraw': { params: id('recordSubmission'), own: { trainee: 200 } },
  'POST /api/v1/me/references/:id/resend': { params: id('reference'), own: { trainee: 200 } },
  'POST /api/v1/me/references/:id/cancel': { params: id('reference2'), own: { trainee: 200 } },
  'GET /api/v1/bodies/:bodyId/references': { params: (c) => ({ bodyId: c.w.body.id }), own: { adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/references/:id': { params: id('reference'), own: { adminA: 200, adminB: 200, global: 200 } },
  // an invitation to another address: nobody else's account may accept it (the flows: invitations.e2e-spec.ts)
  'POST /api/v1/me/invitations/accept': {
    body: (c) => ({ token: c.w.ids.invitationToken }),
    own: { trainee: 403, supervisor: 403, adminA: 403, adminB: 403, global: 403 },
  },
  'POST /api/v1/me/email': {
    body: (c) => ({ newEmail: `moved-${c.n}@test.example`, password: TEST_PASSWORD }),
    own: { trainee: 202, supervisor: 202, adminA: 202, adminB: 202, global: 202 },
  },
  'PUT /api/v1/me/language': {
    body: () => ({ language: 'de' }),
    own: { trainee: 204, supervisor: 204, adminA: 204, adminB: 204, global: 204 },
  },
  'POST /api/v1/me/notifications/read-all': { own: LIST },
  // one's own notification only: anyone else's is 404, like a missing one
  'POST /api/v1/me/notifications/:id/read': { params: id('notification'), own: { supervisor: 200 } },
  'GET /api/v1/me/notification-preferences': { own: LIST },
  'PUT /api/v1/me/notification-preferences': { body: () => ({ email: 'daily' }), own: LIST },

  // ---- users, bodies, audit -----------------------------------------------------------------------
  'GET /api/v1/users': { own: { adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/users/:id': { params: id('trainee'), own: { adminA: 200, adminB: 200, global: 200 } },
  'POST /api/v1/users/:id/disable': { params: id('spareUser'), own: { global: 200 } },
  'POST /api/v1/users/:id/enable': { params: id('spareUser'), own: { global: 200 } },
  // a body admin granting a role in another body: 403 (bodies are public, so this reveals nothing)
  'POST /api/v1/users/:id/roles': {
    params: per({ adminA: 'spareUser', global: 'spareUser2' }),
    body: (c) => ({ role: 'SUPERVISOR', bodyId: c.w.body.id }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreign: 403,
  },
  'DELETE /api/v1/users/:id/roles/:grantId': {
    params: (c) =>
      c.who === 'global'
        ? { id: c.w.ids.spareUser3, grantId: c.w.ids.spareGrant3 }
        : { id: c.w.ids.spareUser, grantId: c.w.ids.spareGrant },
    own: { adminA: 204, adminB: 204, global: 204 },
  },
  'POST /api/v1/bodies': {
    body: (c) => ({
      code: `M-${c.n}`.toUpperCase(),
      name: 'Matrix body',
      kind: 'national',
      countryCode: 'FR',
      parentId: c.w.body.parentId,
    }),
    own: { global: 201 },
  },
  'GET /api/v1/audit': { own: { adminA: 200, adminB: 200, global: 200 } },
  // a body admin inviting to, or listing the invitations of, another body: 403 (bodies are public)
  'POST /api/v1/bodies/:bodyId/invitations': {
    params: (c) => ({ bodyId: c.w.body.id }),
    body: (c) => ({ email: `inv-${c.n}@invited.example`, role: 'SUPERVISOR' }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreign: 403,
  },
  'GET /api/v1/bodies/:bodyId/invitations': {
    params: (c) => ({ bodyId: c.w.body.id }),
    own: { adminA: 200, adminB: 200, global: 200 },
    foreign: 403,
  },
  'POST /api/v1/invitations/:id/resend': {
    params: per({ adminA: 'invitation', global: 'invitation2' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/invitations/:id/withdraw': {
    params: per({ adminA: 'invitationW', global: 'invitationW2' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/bodies/:bodyId/signing-keys/rotate': {
    params: (c) => ({ bodyId: c.w.body.id }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreign: 403,
  },

  // ---- trainee record: profile, activities ---------------------------------------------------------
  'GET /api/v1/trainees/:traineeId/profile': { params: trainee, own: READ_RECORD },
  'PUT /api/v1/trainees/:traineeId/profile': {
    params: trainee,
    body: (c) => profileBody(c.w.body.id),
    ifMatch: etag('profile'),
    own: { trainee: 200 },
  },
  'GET /api/v1/trainees/:traineeId/activities': { params: trainee, own: READ_RECORD },
  'GET /api/v1/trainees/:traineeId/activities/totals': { params: trainee, own: READ_RECORD },
  'POST /api/v1/trainees/:traineeId/activities': { params: trainee, body: () => activityBody(), own: { trainee: 201 } },
  'GET /api/v1/activities/:id': { params: id('activity'), own: READ_RECORD },
  'PATCH /api/v1/activities/:id': { params: id('activity'), body: () => ({ hours: 12 }), ifMatch: etag('activity'), own: { trainee: 200 } },
  'POST /api/v1/activities/:id/verify': {
    params: per({ supervisor: 'activity', adminA: 'activity2', adminB: 'activity2' }),
    own: { supervisor: 200, adminA: 200, adminB: 200 },
  },
  'DELETE /api/v1/activities/:id': { params: id('activitySpare'), ifMatch: etag('activitySpare'), own: { trainee: 204 } },
  // qualifications (issue 15): the person, admins of a body they are a trainee of, a global admin; supervisors 404
  'GET /api/v1/trainees/:traineeId/qualifications': { params: trainee, own: { trainee: 200, adminA: 200, adminB: 200, global: 200 } },
  'POST /api/v1/trainees/:traineeId/qualifications': { params: trainee, body: () => qualificationBody(), own: { trainee: 201 } },
  'GET /api/v1/qualifications/:id': { params: id('qualification'), own: { trainee: 200, adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/qualifications/:id/document': {
    params: id('qualification'),
    own: { trainee: 200, adminA: 200, adminB: 200, global: 200 },
  },
  'PATCH /api/v1/qualifications/:id': {
    params: id('qualification'),
    body: () => ({ issuer: 'Matrix University' }),
    ifMatch: etag('qualification'),
    own: { trainee: 200 },
  },
  // the matrix sends JSON: the owner gets past the scope check to the media-type refusal (uploads: qualifications-references.e2e-spec.ts)
  'PUT /api/v1/qualifications/:id/document': { params: id('qualification'), body: () => ({}), own: { trainee: 415 } },
  'DELETE /api/v1/qualifications/:id': { params: id('qualificationSpare'), ifMatch: etag('qualificationSpare'), own: { trainee: 204 } },
  'POST /api/v1/qualifications/:id/verify': {
    params: id('qualification2'),
    body: () => ({}),
    ifMatch: etag('qualification2'),
    own: { adminA: 200, adminB: 200 },
  },
  'POST /api/v1/qualifications/:id/reject': {
    params: id('qualification3'),
    body: () => ({ note: 'Security matrix test' }),
    ifMatch: etag('qualification3'),
    own: { adminA: 200, adminB: 200 },
  },
  'GET /api/v1/bodies/:bodyId/qualifications': { params: (c) => ({ bodyId: c.w.body.id }), own: { adminA: 200, adminB: 200 } },
  'GET /api/v1/trainees/:traineeId/logging-lag': { params: trainee, own: READ_RECORD },
  'GET /api/v1/trainees/:traineeId/supervision': { params: trainee, own: READ_RECORD },
  'GET /api/v1/trainees/:traineeId/enrolments': { params: trainee, own: READ_RECORD },
  'GET /api/v1/trainees/:traineeId/schemes/:schemeId/progress': {
    params: (c) => ({ traineeId: c.w.ids.trainee, schemeId: c.w.ids.scheme }),
    own: READ_RECORD,
  },
  'GET /api/v1/trainees/:traineeId/schemes/:schemeId/progress/recognition': {
    params: (c) => ({ traineeId: c.w.ids.trainee, schemeId: c.w.ids.scheme }),
    own: READ_RECORD,
  },
  // recognitions (src/recognitions/): published ones are public policy to everyone signed in
  'GET /api/v1/bodies/:bodyId/recognitions': { params: (c) => ({ bodyId: c.w.body.id }), own: READ_RECORD, foreign: 200 },
  'GET /api/v1/recognitions/:id': { params: id('recognition'), own: READ_RECORD, foreign: 200 },

  // ---- supervision relationships, conflicts --------------------------------------------------------
  'GET /api/v1/supervision/relationships': { own: LIST },
  'GET /api/v1/supervision/relationships/:id': { params: id('relationship'), own: READ_RECORD },
  // cross-border supervision (issue 16): a supervisor of another body may be asked, so the foreign request is made too
  'POST /api/v1/supervision/requests': {
    body: (c) => ({ supervisorId: c.w.ids.supervisor3 }),
    own: { trainee: 201 },
    foreignBody: true,
    foreign: 201,
  },
  // by exact e-mail only (no listing of other bodies' people); an unknown address answers an empty list
  'GET /api/v1/supervision/supervisors': { query: (c) => `email=${encodeURIComponent(c.w.supervisor.email)}`, own: LIST },
  // assigning in another body: 403 (the body is public; the people stay unrevealed)
  'POST /api/v1/supervision/relationships': {
    body: (c) => ({
      traineeId: c.w.ids.spareUser2,
      supervisorId: pick(c, { adminA: 'supervisor2', global: 'supervisor3' }),
      bodyId: c.w.body.id,
    }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  // a body admin sees the body's relationships, so "only the supervisor may accept" is a 403, not an oracle
  'POST /api/v1/supervision/relationships/:id/accept': { params: id('pendingRel'), own: { supervisor: 404, adminA: 403, adminB: 403 } },
  'POST /api/v1/supervision/relationships/:id/decline': { params: id('pendingRel'), own: { supervisor: 404, adminA: 403, adminB: 403 } },
  'POST /api/v1/supervision/relationships/:id/cancel': { params: id('pendingRel'), own: { trainee: 200 } },
  'POST /api/v1/supervision/relationships/:id/end': {
    params: per({ supervisor: 'relationshipSpare', adminA: 'relationshipSpare2', global: 'relationshipSpare3' }),
    body: () => ({ endedOn: daysAgo(0), reason: 'Matrix' }),
    own: { supervisor: 200, adminA: 200, adminB: 200, global: 200 },
  },
  'GET /api/v1/conflicts-of-interest': { own: LIST },
  'POST /api/v1/conflicts-of-interest': {
    body: (c) => ({ otherUserId: c.w.ids.spareUser, kind: 'other' }),
    own: { trainee: 201, supervisor: 201, adminA: 201, adminB: 201, global: 201 },
  },
  // the trainee is a party and sees the declaration: ending it is a 403
  'POST /api/v1/conflicts-of-interest/:id/end': {
    params: per({ adminA: 'conflict', global: 'conflict2' }),
    own: { trainee: 403, adminA: 200, adminB: 200, global: 200 },
  },

  // ---- cases, sessions, measures, review -----------------------------------------------------------
  'GET /api/v1/cases': { own: LIST },
  'POST /api/v1/cases': { body: (c) => caseBody(c.w.ids.supervisor), own: { trainee: 201 }, foreignBody: true, foreign: 400 },
  'GET /api/v1/cases/:id': { params: id('case'), own: READ_RECORD },
  'GET /api/v1/cases/:id/history': { params: id('case'), own: READ_RECORD },
  'GET /api/v1/cases/:id/measures': { params: id('case'), own: READ_RECORD },
  'PATCH /api/v1/cases/:id': {
    params: id('case'),
    body: (c) => caseBody(c.w.ids.supervisor, { plannedSessions: 4 }),
    ifMatch: etag('case'),
    own: { trainee: 200 },
  },
  'POST /api/v1/cases/:id/sessions': {
    params: id('case'),
    body: () => session(5, daysAgo(30)),
    ifMatch: (c) => `"${c.w.versions.case + 1}"`,
    own: { trainee: 201 },
  },
  'PATCH /api/v1/cases/:id/sessions/:sessionId': {
    params: (c) => ({ id: c.w.ids.case, sessionId: c.w.ids.session }),
    body: () => session(1, daysAgo(53), 'initial', { durationMinutes: 45 }),
    ifMatch: (c) => `"${c.w.versions.case + 2}"`,
    own: { trainee: 200 },
  },
  'DELETE /api/v1/cases/:id/sessions/:sessionId': {
    params: (c) => ({ id: c.w.ids.case, sessionId: c.w.ids.sessionSpare }),
    ifMatch: (c) => `"${c.w.versions.case + 3}"`,
    own: { trainee: 200 },
  },
  'POST /api/v1/cases/:id/measures': {
    params: id('case'),
    body: () => ({ instrument: 'PHQ9', administeredOn: daysAgo(40), sessionNumber: 1, items: [0, 0, 0, 0, 0, 0, 0, 0, 0] }),
    ifMatch: (c) => `"${c.w.versions.case + 4}"`,
    own: { trainee: 201 },
  },
  'DELETE /api/v1/cases/:id/measures/:measureId': {
    params: (c) => ({ id: c.w.ids.case, measureId: c.w.ids.measureSpare }),
    ifMatch: (c) => `"${c.w.versions.case + 5}"`,
    own: { trainee: 200 },
  },
  'GET /api/v1/instruments': { own: LIST },
  'GET /api/v1/instruments/:id': { params: id('instrument'), own: READ_RECORD },
  'POST /api/v1/instruments': {
    body: (c) => ({
      bodyId: c.w.body.id,
      code: `M-${c.n.toUpperCase()}`,
      name: 'Matrix instrument',
      construct: 'distress',
      version: '1',
      definition: INSTRUMENT_DEFINITION,
    }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  'PATCH /api/v1/instruments/:id': {
    params: per({ adminA: 'instrumentDraft', global: 'instrumentDraft2' }),
    body: () => ({ name: 'Matrix instrument (renamed)' }),
    ifMatch: (c) => (c.who === 'global' ? etag('instrumentDraft2')(c) : etag('instrumentDraft')(c)),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/cases/:id/submit': { params: id('case'), own: { trainee: 200 } },
  'POST /api/v1/cases/:id/return': {
    params: per({ supervisor: 'caseSubmitted', adminA: 'caseSubmitted2', adminB: 'caseSubmitted2' }),
    body: () => ({ comments: 'Please add the formulation.' }),
    own: { supervisor: 200, adminA: 403, adminB: 403 },
  },
  'POST /api/v1/cases/:id/sign-off': {
    params: id('caseSubmitted2'),
    body: (c) => ({ contentHash: c.w.contentHash }),
    own: { supervisor: 409, adminA: 403, adminB: 403 },
  },
  'DELETE /api/v1/cases/:id': { params: id('caseSpare'), own: { trainee: 204 } },
  // the main case carries a flagged PHQ-9; only its supervisor acknowledges (a body admin reads it but may not)
  'GET /api/v1/cases/:id/risk-flag': { params: id('case'), own: READ_RECORD },
  'POST /api/v1/cases/:id/risk-flag/acknowledge': {
    params: id('case'),
    body: () => ({ note: 'Called the trainee' }),
    own: { supervisor: 200, adminA: 403, adminB: 403 },
  },
  'GET /api/v1/supervision/queue': { own: { supervisor: 200, adminA: 200, adminB: 200 } },

  // ---- supervision sessions ------------------------------------------------------------------------
  'GET /api/v1/supervision-sessions': { own: { supervisor: 200, adminA: 200, adminB: 200 } },
  'POST /api/v1/supervision-sessions': {
    body: (c) => ({ date: daysAgo(0), minutes: 50, format: 'individual', participantIds: [c.w.ids.trainee] }),
    own: { supervisor: 201, adminA: 400, adminB: 400 },
    foreignBody: true,
    foreign: 400,
  },
  'GET /api/v1/supervision-sessions/:id': { params: id('supervisionSession'), own: READ_RECORD },
  'PATCH /api/v1/supervision-sessions/:id': {
    params: id('supervisionSession'),
    body: () => ({ minutes: 55 }),
    ifMatch: etag('supervisionSession'),
    own: { supervisor: 200 },
  },
  'DELETE /api/v1/supervision-sessions/:id': {
    params: id('supervisionSessionSpare'),
    ifMatch: etag('supervisionSessionSpare'),
    own: { supervisor: 204 },
  },

  // ---- rubrics, ratings, calibration ---------------------------------------------------------------
  'GET /api/v1/rubrics': { own: LIST },
  'POST /api/v1/rubrics': {
    body: (c) => ({
      ownerBodyId: c.w.body.id,
      code: `R-${c.n}`,
      name: 'Matrix rubric',
      modality: 'IPT',
      target: 'session',
      definition: RUBRIC_DEFINITION,
    }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  'GET /api/v1/rubrics/:id': { params: id('rubric'), own: READ_RECORD },
  'GET /api/v1/rubrics/:id/reliability': {
    params: id('rubric'),
    query: (c) => `bodyId=${c.w.body.id}`,
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/rubrics/:id/versions': { params: id('rubric'), own: { adminA: 409, adminB: 409, global: 409 } },
  'GET /api/v1/rubric-versions/:id': { params: id('rubricVersion'), own: READ_RECORD },
  'PATCH /api/v1/rubric-versions/:id': {
    params: per({ adminA: 'rubricDraft', global: 'rubricDraft2' }),
    body: () => ({ definition: RUBRIC_DEFINITION }),
    ifMatch: (c) => (c.who === 'global' ? etag('rubricDraft2')(c) : etag('rubricDraft')(c)),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'GET /api/v1/ratings': { own: LIST },
  'POST /api/v1/ratings': {
    body: (c) => ({
      rubricVersionId: c.w.ids.rubricVersion,
      targetType: 'session',
      targetId: c.w.ids.sessionRate,
      scores: { inventory: 3 },
    }),
    own: { trainee: 201, supervisor: 201 },
    foreignBody: true,
  },
  // a draft is its rater's alone; a submitted rating is part of the record
  'GET /api/v1/ratings/:id': { params: id('ratingSpare'), own: READ_RECORD },
  'PATCH /api/v1/ratings/:id': {
    params: id('rating'),
    body: () => ({ scores: { inventory: 4, focus: 4 } }),
    ifMatch: etag('rating'),
    own: { supervisor: 200 },
  },
  'POST /api/v1/ratings/:id/submit': { params: id('rating'), own: { supervisor: 200 } },
  'POST /api/v1/ratings/:id/correct': {
    params: id('ratingSpare'),
    body: () => ({ scores: { inventory: 2, focus: 2 }, reason: 'Scored the wrong recording' }),
    own: { supervisor: 201 },
  },
  'GET /api/v1/rating-targets/:targetType/:targetId/summary': {
    params: (c) => ({ targetType: 'session', targetId: c.w.ids.session }),
    own: READ_RECORD,
  },
  'GET /api/v1/calibration/exercises': { own: LIST },
  'POST /api/v1/calibration/exercises': {
    body: (c) => ({
      bodyId: c.w.body.id,
      rubricVersionId: c.w.ids.rubricVersion,
      title: 'Matrix',
      description: 'Matrix exercise',
      referenceScores: { inventory: 3, focus: 3 },
      tolerance: { maxMeanAbsDiff: 0.5 },
    }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  // calibration is for raters: a trainee does not see exercises
  'GET /api/v1/calibration/exercises/:id': { params: id('exercise'), own: { supervisor: 200, adminA: 200, adminB: 200, global: 200 } },
  'POST /api/v1/calibration/exercises/:id/attempts': {
    params: id('exercise'),
    body: () => ({ scores: { inventory: 3, focus: 3 } }),
    own: { supervisor: 201 },
  },
  'POST /api/v1/calibration/exercises/:id/close': {
    params: per({ adminA: 'exerciseSpare', adminB: 'exerciseSpare', global: 'exercise' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'GET /api/v1/calibration/exercises/:id/results': { params: id('exercise'), own: { adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/calibration/raters/:raterId': {
    params: (c) => ({ raterId: c.w.ids.supervisor }),
    query: (c) => `bodyId=${c.w.body.id}`,
    own: { supervisor: 200, adminA: 200, adminB: 200, global: 200 },
  },

  // ---- schemes -------------------------------------------------------------------------------------
  'POST /api/v1/schemes': {
    body: (c) => ({ bodyId: c.w.body.id, code: `S-${c.n}`, name: 'Matrix scheme' }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  'POST /api/v1/schemes/:id/versions': {
    params: id('scheme'),
    body: () => ({ effectiveFrom: daysAgo(0), definition: SCHEME_DEFINITION }),
    own: { adminA: 409, adminB: 409, global: 409 },
    foreign: 403,
  },
  // each permitted role its own target scheme, so the drafts of one source → target pair do not collide
  'POST /api/v1/recognitions': {
    body: (c) => ({
      toSchemeId: c.who === 'global' ? c.w.ids.scheme2 : c.w.ids.scheme,
      toLevelCode: 'PRACTITIONER',
      fromBodyId: c.w.ids.sourceBody,
      fromSchemeCode: c.w.ids.sourceScheme3,
      fromLevelCode: 'PRACTITIONER',
      effectiveFrom: daysAgo(0),
      topUps: [],
    }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  'PUT /api/v1/recognitions/:id': {
    params: per({ adminA: 'recognitionDraft', global: 'recognitionDraft2' }),
    body: () => ({ effectiveFrom: daysAgo(1), topUps: [] }),
    ifMatch: (c) => (c.who === 'global' ? etag('recognitionDraft2')(c) : etag('recognitionDraft')(c)),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'PUT /api/v1/scheme-versions/:id': {
    params: per({ adminA: 'schemeDraft', global: 'schemeDraft2' }),
    body: () => ({ effectiveFrom: daysAgo(1), definition: SCHEME_DEFINITION }),
    ifMatch: (c) => (c.who === 'global' ? etag('schemeDraft2')(c) : etag('schemeDraft')(c)),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  // ---- taxonomies ----------------------------------------------------------------------------------
  'POST /api/v1/taxonomies': {
    body: (c) => ({ bodyId: c.w.body.id, code: `T-${c.n}`.toUpperCase(), name: 'Matrix taxonomy', definition: IPT_TAXONOMY_DEFINITION }),
    own: { adminA: 201, adminB: 201, global: 201 },
    foreignBody: true,
    foreign: 403,
  },
  'PUT /api/v1/taxonomies/:id': {
    params: per({ adminA: 'taxonomyDraft', global: 'taxonomyDraft2' }),
    body: () => ({ name: 'Matrix taxonomy (edited)', definition: IPT_TAXONOMY_DEFINITION }),
    ifMatch: (c) => (c.who === 'global' ? etag('taxonomyDraft2')(c) : etag('taxonomyDraft')(c)),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  // reference schemes (src/schemes/reference-schemes.service.ts): the worlds' bodies are national, so a permitted
  // admin is refused marking with 409 (only the international body's versions can be references); the
  // international side is covered in test/reference-schemes.e2e-spec.ts
  'GET /api/v1/reference-schemes': { own: LIST },
  'POST /api/v1/scheme-versions/:id/reference': {
    params: id('schemeVersion'),
    own: { adminA: 409, adminB: 409, global: 409 },
  },
  'DELETE /api/v1/scheme-versions/:id/reference': {
    params: id('schemeVersion'),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/bodies/:bodyId/schemes/from-reference': {
    params: (c) => ({ bodyId: c.w.body.id }),
    // no reference exists in the worlds: a permitted admin gets to the check of the reference named
    body: (c) => ({ referenceVersionId: c.w.ids.schemeVersion, code: `D-${c.n}`, name: 'Derived scheme' }),
    own: { adminA: 400, adminB: 400, global: 400 },
    foreign: 403,
  },
  // published versions compare for anyone signed in
  'GET /api/v1/scheme-comparisons': {
    query: (c) => `a=${c.w.ids.schemeVersion}:PRACTITIONER&b=${c.w.ids.schemeVersion2}:PRACTITIONER`,
    own: LIST,
  },
  'POST /api/v1/schemes/:id/enrolment': {
    params: id('scheme2'),
    body: () => ({}),
    // anyone in a body may seek a level (src/auth/permissions.ts ApplicationsApply)
    own: { trainee: 201, supervisor: 201, adminA: 201, adminB: 201 },
    noForeign: 'schemes are public and a trainee may enrol on another body’s scheme (see report)',
  },

  // ---- applications, accreditations (src/applications, src/accreditations) -------------------------
  'GET /api/v1/applications': { own: LIST },
  'POST /api/v1/applications': {
    body: (c) => ({ schemeId: c.w.ids.scheme2, levelCode: 'PRACTITIONER' }),
    own: { trainee: 201, supervisor: 201, adminA: 201, adminB: 201 },
    noForeign: 'like enrolment: applying to another body’s scheme is allowed (see report)',
  },
  'GET /api/v1/applications/:id': { params: id('application'), own: READ_RECORD },
  'POST /api/v1/applications/:id/request-info': {
    params: per({ adminA: 'application', global: 'application2' }),
    body: () => ({ message: 'Please add your course certificate.' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/applications/:id/respond': { params: id('application'), body: () => ({ note: 'Added.' }), own: { trainee: 200 } },
  'POST /api/v1/applications/:id/approve': {
    params: per({ adminA: 'application', global: 'application2' }),
    body: () => ({ overrideReason: 'Matrix override' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/applications/:id/reject': {
    params: per({ adminA: 'application', global: 'application2' }),
    body: reason,
    own: { adminA: 409, adminB: 409, global: 409 },
  },
  'POST /api/v1/applications/:id/withdraw': { params: id('application'), own: { trainee: 409 } },
  'GET /api/v1/accreditations': { own: LIST },
  'GET /api/v1/accreditations/renewals-due': { query: (c) => `bodyId=${c.w.body.id}`, own: { adminA: 200, adminB: 200, global: 200 } },
  'POST /api/v1/accreditations/process-expiries': { query: (c) => `bodyId=${c.w.body.id}`, own: { adminA: 200, adminB: 200, global: 200 } },
  // the holder's supervisor does not see their accreditations
  'GET /api/v1/accreditations/:id': { params: id('accreditation'), own: { trainee: 200, adminA: 200, adminB: 200, global: 200 } },
  'POST /api/v1/accreditations/:id/suspend': {
    params: per({ adminA: 'accreditation', adminB: 'accreditation', global: 'accreditationSpare' }),
    body: reason,
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/accreditations/:id/reinstate': {
    params: per({ adminA: 'accreditationSuspended', global: 'accreditationSuspended2' }),
    body: reason,
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/accreditations/:id/restore': {
    params: per({ adminA: 'accreditationLapsed', global: 'accreditationLapsed2' }),
    ifMatch: (c) => `"${c.w.versions[c.who === 'global' ? 'accreditationLapsed2' : 'accreditationLapsed']}"`,
    body: reason,
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/accreditations/:id/leave': {
    params: id('accreditationSuspended'),
    body: () => ({ from: daysAgo(0), to: daysAgo(-30), reason: 'Parental leave' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/accreditations/:id/revoke': {
    params: per({ adminA: 'accreditation', adminB: 'accreditation', global: 'accreditationSpare' }),
    body: reason,
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/bodies/:bodyId/renewal-audits': {
    params: (c) => ({ bodyId: c.w.body.id }),
    body: () => ({ sharePercent: 10 }),
    own: { adminA: 201, adminB: 201, global: 201 },
  },
  'GET /api/v1/bodies/:bodyId/pipeline': { params: (c) => ({ bodyId: c.w.body.id }), own: { adminA: 200, adminB: 200, global: 200 } },
  'GET /api/v1/bodies/:bodyId/renewal-audits': { params: (c) => ({ bodyId: c.w.body.id }), own: { adminA: 200, adminB: 200, global: 200 } },
  // the world has no audit selection: an admin of the body gets 404 for an unknown one (the selection and its outcome
  // are exercised in accreditations.e2e-spec); others get 401/403 before the body is looked at
  'POST /api/v1/bodies/:bodyId/renewal-audits/:auditId/outcome': {
    params: (c) => ({ bodyId: c.w.body.id, auditId: '00000000-0000-4000-8000-000000000000' }),
    body: () => ({ outcome: 'passed' }),
    own: { adminA: 404, adminB: 404, global: 404 },
  },
  'GET /api/v1/bodies/:bodyId/exports/:kind': {
    params: (c) => ({ bodyId: c.w.body.id, kind: 'applications' }),
    query: () => 'format=xlsx',
    own: { adminA: 200, adminB: 200, global: 200 },
  },

  // ---- imports (src/imports): no file is sent here, so a caller allowed through gets 400 IMPORT_FILE_INVALID ----
  'GET /api/v1/imports/templates': { own: LIST },
  'GET /api/v1/imports/templates/:kind': {
    params: () => ({ kind: 'sessions' }),
    own: LIST,
    noForeign: 'templates are documentation, the same for everyone',
  },
  'POST /api/v1/bodies/:bodyId/imports/register': {
    params: (c) => ({ bodyId: c.w.body.id }),
    own: { adminA: 400, adminB: 400, global: 400 },
  },
  'POST /api/v1/trainees/:traineeId/imports/:kind': {
    params: (c) => ({ traineeId: c.w.ids.trainee, kind: 'activities' }),
    // the trainee and their body's admins; a supervisor and a global admin see the record but may not write it
    own: { trainee: 400, adminA: 400, adminB: 400, supervisor: 403, global: 403 },
  },
  'PUT /api/v1/trainees/:traineeId/enrolments/:schemeId/enrolled-on': {
    params: (c) => ({ traineeId: c.w.ids.trainee, schemeId: c.w.ids.scheme }),
    body: () => ({ enrolledOn: daysAgo(400), reason: 'Security matrix test' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },

  // ---- what-if of a draft (src/what-if): read-only, the scheme's body admins -----------------------------
  'GET /api/v1/bodies/:bodyId/schemes/:schemeId/versions/:versionId/what-if': {
    params: (c) => ({ bodyId: c.w.body.id, schemeId: c.w.ids.scheme, versionId: c.w.ids.schemeDraft }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'GET /api/v1/bodies/:bodyId/schemes/:schemeId/versions/:versionId/what-if.csv': {
    params: (c) => ({ bodyId: c.w.body.id, schemeId: c.w.ids.scheme, versionId: c.w.ids.schemeDraft }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },

  // ---- late: publishing or retiring versions retires what the calls above use -------------------------
  'POST /api/v1/instruments/:id/publish': {
    params: per({ adminA: 'instrumentDraft', global: 'instrumentDraft2' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/rubric-versions/:id/publish': {
    params: per({ adminA: 'rubricDraft', global: 'rubricDraft2' }),
    own: { adminA: 200, adminB: 200, global: 200 },
  },
  'POST /api/v1/scheme-versions/:id/publish': {
    params: per({ adminA: 'schemeDraft', global: 'schemeDraft2' }),
    // the drafts take effect yesterday: publishing a past effective date is confirmed with a reason
    body: () => ({ allowPastEffectiveDate: true, reason: 'Access matrix: back-dated draft' }),
    own: { adminA: 201, adminB: 201, global: 201 },
  },
  'POST /api/v1/taxonomies/:id/publish': {
    params: per({ adminA: 'taxonomyDraft', global: 'taxonomyDraft2' }),
    own: { adminA: 201, adminB: 201, global: 201 },
  },
  'POST /api/v1/recognitions/:id/publish': {
    params: per({ adminA: 'recognitionDraft', global: 'recognitionDraft2' }),
    // in force since yesterday, like the scheme drafts: confirmed with a reason
    body: () => ({ allowPastEffectiveDate: true, reason: 'Access matrix: back-dated recognition' }),
    own: { adminA: 201, adminB: 201, global: 201 },
  },
  'POST /api/v1/recognitions/:id/withdraw': {
    params: per({ adminA: 'recognition', global: 'recognition2' }),
    own: { adminA: 201, adminB: 201, global: 201 },
  },
  'POST /api/v1/scheme-versions/:id/retire': {
    params: per({ adminA: 'schemeVersion', global: 'schemeVersion2' }),
    own: { adminA: 201, adminB: 201, global: 201 },
  },

  'POST /api/v1/users/:id/erase': {
    params: id('spareUser3'),
    body: () => ({ reason: 'GDPR Art. 17 request, matrix test' }),
    own: { global: 200 },
  },

  // ---- last: calls that end or change the caller's session ----------------------------------------
  'POST /api/v1/auth/sign-out': { freshSession: true, own: { trainee: 204, supervisor: 204, adminA: 204, adminB: 204, global: 204 } },
  'POST /api/v1/me/password': {
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new matrix passphrase' }),
    freshSession: true,
    own: { trainee: 204, supervisor: 204, adminA: 204, adminB: 204, global: 204 },
  },
};
