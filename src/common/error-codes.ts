// Every error code the API answers with, and the HTTP status that belongs to it. A throw site names a code from
// this list (the helpers in errors.ts take a code and derive its status), so a code cannot be thrown with another
// status, and a new code is one line here. The list is published in the OpenAPI document (schema `ErrorCode`),
// from which the web app's types are generated: clients switch on these values.

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 406 | 408 | 409 | 412 | 413 | 414 | 415 | 422 | 428 | 429 | 500 | 503;

interface ErrorCodeEntry {
  status: ErrorStatus;
  description: string;
}

export const ERROR_CODES = {
  // 400: the request itself is wrong
  VALIDATION_FAILED: { status: 400, description: 'The request does not pass validation; `details` names each field' },
  JSON_TOO_DEEP: { status: 400, description: 'The JSON body is nested more deeply than the service accepts (32 levels)' },
  PUBLIC_LISTING_NEEDS_HOLDER_CONSENT: { status: 400, description: 'Only the holder may put an accreditation on the public register' },
  BAD_REQUEST: { status: 400, description: 'Malformed request (URL, JSON body, or a value out of range)' },
  INVALID_ID: { status: 400, description: 'A path or query id is not a UUID' },
  INVALID_CERTIFICATE_NUMBER: { status: 400, description: 'The certificate number does not have the shape of one' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, description: 'Idempotency-Key is not 1–200 printable ASCII characters' },
  IDEMPOTENCY_KEY_NOT_SUPPORTED: { status: 400, description: 'Idempotency-Key was sent on a request that does not honour it' },
  WEAK_PASSWORD: { status: 400, description: 'The password is too short, too long, too common or contains the e-mail' },
  WRONG_PASSWORD: { status: 400, description: 'The current password given to change it is not correct' },
  SELF_SUPERVISION: { status: 400, description: 'A supervision relationship names the same person twice' },
  SELF_CONFLICT: { status: 400, description: 'A conflict of interest names the same person twice' },
  IDENTIFYING_CLIENT_CODE: { status: 400, description: 'A client code looks like it identifies the client' },
  NOT_ACTIVE_SUPERVISOR: { status: 400, description: 'The supervisor named is not one of your active supervisors' },
  CLIENT_IDENTIFIER: { status: 400, description: 'Free text contains something that identifies a client' },
  INCONSISTENT_SESSIONS: { status: 400, description: 'A therapy session does not fit its case (dates, numbering)' },
  NO_ACTIVE_SUPERVISION: { status: 400, description: 'No active supervision relationship with a participant on that date' },
  PARTICIPANTS_IN_SEVERAL_BODIES: {
    status: 400,
    description: 'Participants of one supervision session are supervised in different bodies',
  },
  CASE_NOT_REVIEWABLE: { status: 400, description: "A reviewed case is not a participant's case that you supervise" },
  INVALID_REVIEWED_RECORDING: { status: 400, description: 'A reviewed recording is not a recorded session of the reviewed case' },
  INVALID_SCHEME: { status: 400, description: 'The scheme definition is not valid; `details` names each problem' },
  INVALID_TAXONOMY: { status: 400, description: 'The taxonomy definition is not valid; `details` names each problem' },
  SCHEME_UNKNOWN_REFERENCE: {
    status: 400,
    description:
      'The scheme definition names a level, rubric, instrument, taxonomy value or activity kind that does not exist; `details` names each path',
  },
  PAST_EFFECTIVE_DATE: {
    status: 400,
    description: 'A version would be published with an effective date in the past; send allowPastEffectiveDate with a reason',
  },
  INVALID_INSTRUMENT_DEFINITION: {
    status: 400,
    description: 'The outcome instrument definition is not valid; `details` names each problem',
  },
  UNKNOWN_INSTRUMENT: { status: 400, description: "The instrument code names no published instrument available to the case's body" },
  INVALID_RUBRIC_DEFINITION: { status: 400, description: 'The rubric definition is not valid; `details` names each problem' },
  INVALID_SCORES: { status: 400, description: 'Scores do not fit the rubric' },
  IMPORT_FILE_INVALID: {
    status: 400,
    description: 'The uploaded import file is missing, not CSV/XLSX, or its header does not match the template',
  },
  INVALID_LINK_TOKEN: {
    status: 400,
    description: 'The link (password reset, e-mail confirmation) is unknown, already used, replaced or expired; ask for a new one',
  },

  // 401: who is calling is unknown
  UNAUTHENTICATED: { status: 401, description: 'No access token was sent' },
  INVALID_TOKEN: { status: 401, description: 'The access token is invalid or expired' },
  SESSION_ENDED: { status: 401, description: 'The session behind the token ended (signed out, disabled, erased); sign in again' },
  INVALID_CREDENTIALS: { status: 401, description: 'E-mail or password is incorrect' },
  INVALID_REFRESH_TOKEN: { status: 401, description: 'The refresh token is invalid, expired or already used' },

  // 403: known caller, not allowed
  FORBIDDEN: { status: 403, description: 'Your roles or scope do not allow this action' },
  ROUTE_WITHOUT_PERMISSION: { status: 403, description: 'The route declares no permission (a server defect; refused by default)' },
  CANNOT_VERIFY_OWN: { status: 403, description: 'Nobody verifies their own training' },
  OWN_APPLICATION: { status: 403, description: 'Nobody decides their own application' },
  SUPERVISION_ACTION_NOT_ALLOWED: { status: 403, description: 'Your side of the supervision relationship may not take this step' },
  NOT_CASE_TRAINEE: { status: 403, description: 'Only the trainee who logged the case can submit it' },
  SELF_REVIEW: { status: 403, description: 'Nobody reviews or signs off their own case' },
  INVITATION_FOR_ANOTHER_ACCOUNT: {
    status: 403,
    description: "The invitation was sent to another e-mail address than the signed-in account's",
  },
  NOT_CASE_SUPERVISOR: { status: 403, description: "Only the case's supervisor can review it" },

  // 404: missing, or not yours to see (the same answer: no existence oracle)
  NOT_FOUND: { status: 404, description: 'No such route' },
  ACCREDITATION_NOT_FOUND: { status: 404, description: 'No such accreditation, or not visible to you' },
  ACTIVITY_NOT_FOUND: { status: 404, description: 'No such training activity, or not visible to you' },
  APPLICATION_NOT_FOUND: { status: 404, description: 'No such application, or not visible to you' },
  BODY_NOT_FOUND: { status: 404, description: 'No such body' },
  CALIBRATION_EXERCISE_NOT_FOUND: { status: 404, description: 'No such calibration exercise, or not visible to you' },
  CASE_NOT_FOUND: { status: 404, description: 'No such case, or not visible to you' },
  CERTIFICATE_NOT_FOUND: { status: 404, description: 'No publicly verifiable certificate with this number' },
  CONFLICT_DECLARATION_NOT_FOUND: { status: 404, description: 'No such conflict-of-interest declaration, or not visible to you' },
  ENROLMENT_NOT_FOUND: { status: 404, description: 'No such scheme enrolment, or not visible to you' },
  CREDENTIAL_NOT_FOUND: { status: 404, description: 'No credential for this accreditation' },
  KEY_NOT_FOUND: { status: 404, description: 'No public signing key with this id for this body' },
  STATUS_LIST_NOT_FOUND: { status: 404, description: 'This body has no status list yet (it has signed no credential)' },
  NOTIFICATION_NOT_FOUND: { status: 404, description: 'No such notification of yours' },
  INSTRUMENT_NOT_FOUND: { status: 404, description: 'No such outcome instrument, or not visible to you' },
  INVITATION_NOT_FOUND: { status: 404, description: 'No such invitation (unknown or replaced link), or not visible to you' },
  MEASURE_NOT_FOUND: { status: 404, description: 'No such outcome measure, or not visible to you' },
  PROFILE_NOT_FOUND: { status: 404, description: 'No such trainee profile, or not visible to you' },
  RATER_NOT_FOUND: { status: 404, description: 'No such rater, or not visible to you' },
  RATING_NOT_FOUND: { status: 404, description: 'No such rating, or not visible to you' },
  RATING_TARGET_NOT_FOUND: { status: 404, description: 'The rated session or case does not exist or is not visible to you' },
  ROLE_GRANT_NOT_FOUND: { status: 404, description: 'No such role grant' },
  RUBRIC_NOT_FOUND: { status: 404, description: 'No such rubric, or not visible to you' },
  RUBRIC_VERSION_NOT_FOUND: { status: 404, description: 'No such rubric version, or not visible to you' },
  SCHEME_NOT_FOUND: { status: 404, description: 'No such scheme' },
  SCHEME_VERSION_NOT_FOUND: { status: 404, description: 'No such scheme version' },
  SESSION_NOT_FOUND: { status: 404, description: 'No such therapy session, or not visible to you' },
  SUPERVISION_RELATIONSHIP_NOT_FOUND: { status: 404, description: 'No such supervision relationship, or not visible to you' },
  SUPERVISION_SESSION_NOT_FOUND: { status: 404, description: 'No such supervision session, or not visible to you' },
  TAXONOMY_NOT_FOUND: { status: 404, description: 'No such taxonomy version, or not visible to you' },
  TRAINEE_NOT_FOUND: { status: 404, description: 'No such trainee, or not visible to you' },
  USER_NOT_FOUND: { status: 404, description: 'No such user, or not visible to you' },

  // 405–415: HTTP-level refusals
  METHOD_NOT_ALLOWED: { status: 405, description: 'The method is not allowed on this route' },
  NOT_ACCEPTABLE: { status: 406, description: 'The requested representation is not available' },
  REQUEST_TIMEOUT: { status: 408, description: 'The request took too long to arrive' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body is larger than the limit' },
  URI_TOO_LONG: { status: 414, description: 'A path parameter is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'The body is not application/json' },

  // 409: the request conflicts with the current state
  CONFLICT: { status: 409, description: 'The change conflicts with an existing record' },
  REFERENCE_CONFLICT: { status: 409, description: 'A referenced record does not exist or is still in use' },
  IDEMPOTENCY_KEY_IN_FLIGHT: { status: 409, description: 'A request with this Idempotency-Key is still running; retry after Retry-After' },
  CANNOT_DISABLE_SELF: { status: 409, description: 'Nobody changes the status of their own account' },
  CANNOT_ERASE_SELF: { status: 409, description: 'Nobody erases their own account' },
  CANNOT_REVOKE_OWN_ADMIN: { status: 409, description: 'Nobody revokes their own ADMIN role' },
  STATUS_UNCHANGED: { status: 409, description: 'The account already has this status' },
  ROLE_ALREADY_GRANTED: { status: 409, description: 'The user already holds this role in this scope' },
  BODY_CODE_TAKEN: { status: 409, description: 'A body with this code exists' },
  CASE_WAS_SIGNED_OFF: { status: 409, description: 'A case that was ever signed off cannot be deleted' },
  INSTRUMENT_CODE_TAKEN: { status: 409, description: 'An outcome instrument with this code is already available to this body' },
  INSTRUMENT_NOT_DRAFT: { status: 409, description: 'A published outcome instrument can no longer change' },
  CLIENT_CODE_TAKEN: { status: 409, description: 'You already have a case with this client code' },
  CLIENT_CODE_EXHAUSTED: { status: 409, description: 'No free client code could be generated; choose one' },
  INVALID_REVIEW_STATE: { status: 409, description: 'The case is not in a state that allows this review step' },
  CONTENT_CHANGED: { status: 409, description: 'The case changed since the supervisor read it; reload and review the current content' },
  SUPERVISION_ALREADY_OPEN: { status: 409, description: 'A requested or active supervision between these two people exists' },
  SUPERVISION_WRONG_STATUS: { status: 409, description: 'The supervision relationship is not in a status that allows this step' },
  SUPERVISION_STATUS_CHANGED: { status: 409, description: 'The relationship changed meanwhile; reload it' },
  CONFLICT_OF_INTEREST: { status: 409, description: 'A conflict of interest is declared between these people' },
  CONFLICT_ALREADY_DECLARED: { status: 409, description: 'This conflict of interest is already declared and active' },
  CONFLICT_ALREADY_ENDED: { status: 409, description: 'This declaration has already ended' },
  ACTIVITY_VERIFIED: { status: 409, description: 'A verified activity cannot be deleted' },
  ALREADY_VERIFIED: { status: 409, description: 'The activity is already verified' },
  ACCREDITATION_REVOKED: { status: 409, description: 'A revoked accreditation is final' },
  ACCREDITATION_SUSPENDED: { status: 409, description: 'A suspended accreditation cannot be renewed until reinstated' },
  INVALID_STATUS_CHANGE: { status: 409, description: "The accreditation's status does not allow this change" },
  NO_EXPIRY: { status: 409, description: 'The accreditation does not expire; leave does not change it' },
  NOT_RENEWABLE: { status: 409, description: 'The accreditation cannot be renewed' },
  RENEWAL_NOT_OPEN: { status: 409, description: 'Renewal is not open yet' },
  RENEWAL_WINDOW_CLOSED: { status: 409, description: 'The renewal grace period has ended' },
  RESTORE_WINDOW_CLOSED: {
    status: 409,
    description: 'A lapsed accreditation can be restored only within one cycle of its expiry; later the holder applies again',
  },
  NO_RISK_FLAG: { status: 409, description: 'The case has no risk flag to acknowledge' },
  LEVEL_NOT_IN_VERSION: { status: 409, description: 'The level is not part of that scheme version' },
  NO_VERSION_IN_FORCE: { status: 409, description: 'The scheme has no published version in force' },
  ALREADY_ENROLLED: { status: 409, description: 'Already enrolled in the scheme; name a newer version to opt in' },
  NOT_NEWER: { status: 409, description: 'Only a newer scheme version can be opted into' },
  SCHEME_CODE_TAKEN: { status: 409, description: 'The body already has a scheme with this code' },
  DRAFT_EXISTS: { status: 409, description: 'A draft version exists; edit or publish it first' },
  VERSION_PUBLISHED: { status: 409, description: 'A published or retired version is immutable' },
  NOT_A_DRAFT: { status: 409, description: 'Only a draft can be published' },
  NOT_PUBLISHED: { status: 409, description: 'Only a published version can be retired' },
  REFERENCE_NOT_INTERNATIONAL: { status: 409, description: "Only a version of the international body's scheme can be a reference" },
  REFERENCE_NOT_PUBLISHED: { status: 409, description: 'Only a published version can be marked as a reference' },
  RUBRIC_CODE_TAKEN: { status: 409, description: 'A rubric with this code exists here' },
  RUBRIC_VERSION_NOT_DRAFT: { status: 409, description: 'The rubric version is no longer a draft' },
  RATING_EXISTS: { status: 409, description: 'You already rated this with this rubric' },
  RATING_ALREADY_SUBMITTED: { status: 409, description: 'The rating is submitted; correct it instead' },
  RATING_NOT_SUBMITTED: { status: 409, description: 'A draft rating is edited, not corrected' },
  RATING_ALREADY_CORRECTED: { status: 409, description: 'The rating was already corrected; correct the newest one' },
  EXERCISE_CLOSED: { status: 409, description: 'The calibration exercise is closed' },
  ATTEMPT_EXISTS: { status: 409, description: 'You already took this calibration exercise' },
  OWN_CALIBRATION_EXERCISE: { status: 409, description: 'The author of an exercise cannot take it blind' },
  APPLICATION_ALREADY_OPEN: { status: 409, description: 'You already have an open application for this level' },
  APPLICATION_CLOSED: { status: 409, description: 'The application is no longer open' },
  APPLICATION_DECIDED: { status: 409, description: 'The application is already decided; decisions are final' },
  INFO_ALREADY_REQUESTED: { status: 409, description: 'More information was already requested' },
  INVITATION_NOT_PENDING: { status: 409, description: 'The invitation was already accepted, withdrawn, or has expired (`details.state`)' },
  INVITATION_ALREADY_PENDING: { status: 409, description: 'A pending invitation to this address and role exists; resend it instead' },
  ACCOUNT_EXISTS: { status: 409, description: 'An account with the invited address exists: sign in with it and accept the invitation' },
  NO_INFO_REQUESTED: { status: 409, description: 'No information was requested for this application' },

  // 412 / 428: optimistic concurrency (ETag / If-Match)
  PRECONDITION_FAILED: { status: 412, description: 'If-Match does not match the current version; reload and try again' },
  PRECONDITION_REQUIRED: { status: 428, description: 'This update needs an If-Match header with the ETag last read' },

  // 422: understood, but cannot be carried out
  UNPROCESSABLE: { status: 422, description: 'The request cannot be processed' },
  IMPORT_HAS_ERRORS: {
    status: 422,
    description: 'An import commit found invalid rows: nothing was written; `details` names each row and field (see the dry-run report)',
  },
  IDEMPOTENCY_KEY_REUSED: { status: 422, description: 'The Idempotency-Key was already used with a different request' },
  UNMET_RULES_NEED_OVERRIDE: { status: 422, description: 'Approving with unmet rules needs an overrideReason' },
  RENEWAL_RULES_UNMET: { status: 422, description: 'The renewal requirements are not met' },

  // 429 / 5xx
  TOO_MANY_REQUESTS: { status: 429, description: 'Rate limit reached; retry after Retry-After seconds' },
  INTERNAL_ERROR: { status: 500, description: 'Unexpected server error (logged with the request id)' },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description: 'The database is unreachable or stalled; retry after Retry-After with the same Idempotency-Key',
  },
  SHUTTING_DOWN: { status: 503, description: 'This instance is shutting down and did no work; retry after Retry-After' },
  NOT_READY: { status: 503, description: 'Readiness probe: this instance should not receive traffic' },

  // qualifications and references as evidence (issue 15)
  INVALID_DOCUMENT: { status: 400, description: "A document's bytes are empty or are not what its media type says" },
  SELF_REFERENCE: { status: 400, description: 'Nobody is their own referee' },
  QUALIFICATION_NOT_FOUND: { status: 404, description: 'No such qualification, or not visible to you' },
  DOCUMENT_NOT_FOUND: { status: 404, description: 'The qualification has no document' },
  REFERENCE_NOT_FOUND: { status: 404, description: 'No such reference (unknown or replaced link), or not visible to you' },
  QUALIFICATION_NOT_PENDING: { status: 409, description: 'The qualification is already verified or rejected (`details.state`)' },
  QUALIFICATION_VERIFIED: { status: 409, description: 'A verified qualification cannot be deleted' },
  REFERENCE_NOT_PENDING: {
    status: 409,
    description: 'The reference was already submitted, cancelled, or its link expired (`details.state`); a link works once',
  },
  REFERENCE_ALREADY_REQUESTED: {
    status: 409,
    description: 'A pending request to this referee for this body and kind exists; resend it instead',
  },
  RECORD_SUBMISSION_NOT_FOUND: { status: 404, description: 'No such record submission of yours' },
  RECORD_ALREADY_SUBMITTED: { status: 409, description: 'Your record is already submitted to this body' },
  RECORD_SUBMISSION_WITHDRAWN: { status: 409, description: 'The record submission is already withdrawn' },
  // recognition between bodies
  INVALID_RECOGNITION: {
    status: 400,
    description: 'The recognition is not valid (source, target, dates or top-up rules); `details` names each path',
  },
  RECOGNITION_NOT_FOUND: { status: 404, description: 'No such recognition, or a draft of a body you do not administer' },
  RECOGNITION_NOT_APPLICABLE: {
    status: 400,
    description: 'The recognition named does not lead to this scheme and level, or is not in force today',
  },
  RECOGNISED_LEVEL_NOT_HELD: {
    status: 409,
    description: 'The applicant does not hold the recognised level today (nor presented a valid credential of it)',
  },
  CREDENTIAL_NOT_ACCEPTED: {
    status: 400,
    description:
      'The presented credential does not verify, is not in good standing, names someone else or another level (`details.credential`)',
  },
  RENEWAL_AUDIT_NOT_FOUND: { status: 404, description: 'No such renewal audit selection in this body' },
  AUDIT_OUTCOME_RECORDED: { status: 409, description: "The renewal audit's outcome was already recorded (`details.outcome`)" },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes that answer with HTTP status S (e.g. `CodeWithStatus<409>` for `conflict(…)`). */
export type CodeWithStatus<S extends ErrorStatus> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never;
}[ErrorCode];

export const statusOf = (code: ErrorCode): ErrorStatus => ERROR_CODES[code].status;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);

export const codesWithStatus = (status: number): ErrorCode[] =>
  (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => ERROR_CODES[c].status === status);

// `notFound(entity)` answers `<ENTITY>_NOT_FOUND`: the entities it may name, each with its explicit code.
export const NOT_FOUND_CODES = {
  Accreditation: 'ACCREDITATION_NOT_FOUND',
  Activity: 'ACTIVITY_NOT_FOUND',
  Application: 'APPLICATION_NOT_FOUND',
  Instrument: 'INSTRUMENT_NOT_FOUND',
  Body: 'BODY_NOT_FOUND',
  'Calibration exercise': 'CALIBRATION_EXERCISE_NOT_FOUND',
  Case: 'CASE_NOT_FOUND',
  Certificate: 'CERTIFICATE_NOT_FOUND',
  'Conflict declaration': 'CONFLICT_DECLARATION_NOT_FOUND',
  Credential: 'CREDENTIAL_NOT_FOUND',
  Enrolment: 'ENROLMENT_NOT_FOUND',
  Key: 'KEY_NOT_FOUND',
  Invitation: 'INVITATION_NOT_FOUND',
  Measure: 'MEASURE_NOT_FOUND',
  Notification: 'NOTIFICATION_NOT_FOUND',
  Profile: 'PROFILE_NOT_FOUND',
  Rater: 'RATER_NOT_FOUND',
  Rating: 'RATING_NOT_FOUND',
  'Rating target': 'RATING_TARGET_NOT_FOUND',
  'Role grant': 'ROLE_GRANT_NOT_FOUND',
  Rubric: 'RUBRIC_NOT_FOUND',
  'Rubric version': 'RUBRIC_VERSION_NOT_FOUND',
  Scheme: 'SCHEME_NOT_FOUND',
  'Scheme version': 'SCHEME_VERSION_NOT_FOUND',
  Session: 'SESSION_NOT_FOUND',
  'Status list': 'STATUS_LIST_NOT_FOUND',
  'Supervision relationship': 'SUPERVISION_RELATIONSHIP_NOT_FOUND',
  'Supervision session': 'SUPERVISION_SESSION_NOT_FOUND',
  Taxonomy: 'TAXONOMY_NOT_FOUND',
  Trainee: 'TRAINEE_NOT_FOUND',
  User: 'USER_NOT_FOUND',
  Qualification: 'QUALIFICATION_NOT_FOUND',
  Document: 'DOCUMENT_NOT_FOUND',
  Reference: 'REFERENCE_NOT_FOUND',
  'Record submission': 'RECORD_SUBMISSION_NOT_FOUND',
  Recognition: 'RECOGNITION_NOT_FOUND',
  'Renewal audit': 'RENEWAL_AUDIT_NOT_FOUND',
} as const satisfies Record<string, CodeWithStatus<404>>;

export type NotFoundEntity = keyof typeof NOT_FOUND_CODES;
