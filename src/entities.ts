import { AuditEntry } from './audit/audit-entry.entity';
import { RateLimit } from './auth/rate-limit.entity';
import { RefreshToken } from './auth/refresh-token.entity';
import { Session } from './auth/session.entity';
import { Body } from './bodies/body.entity';
import { RoleGrant } from './users/role-grant.entity';
import { SupervisionRelationship } from './supervision/supervision-relationship.entity';
import { User } from './users/user.entity';
import { CaseReviewEvent } from './cases/case-review-event.entity';
import { CaseSignoff } from './cases/case-signoff.entity';
import { SupervisedCase } from './cases/supervised-case.entity';
import { TherapySession } from './cases/therapy-session.entity';
import { Instrument } from './measures/instrument.entity';
import { OutcomeMeasure } from './measures/outcome-measure.entity';
import { TraineeProfile } from './trainees/trainee-profile.entity';
import { TrainingActivity } from './activities/training-activity.entity';
import { ConflictDeclaration } from './supervision/conflict-declaration.entity';
import { SupervisionCaseReview } from './supervision-sessions/supervision-case-review.entity';
import { SupervisionParticipant } from './supervision-sessions/supervision-participant.entity';
import { SupervisionSession } from './supervision-sessions/supervision-session.entity';
import { CalibrationAttempt, CalibrationExercise } from './calibration/calibration.entity';
import { Rating } from './ratings/rating.entity';
import { Rubric, RubricVersion } from './rubrics/rubric.entity';
import { BodySigningKey } from './credentials/signing-key.entity';
import { CredentialStatusEntry } from './credentials/credential-status-entry.entity';
import { Scheme, SchemeEnrolment, SchemeVersion } from './schemes/scheme.entity';
import { Recognition } from './recognitions/recognition.entity';
import { Taxonomy } from './taxonomies/taxonomy.entity';
import { Application, ApplicationEvent } from './applications/application.entity';
import { Accreditation, AccreditationEvent } from './accreditations/accreditation.entity';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { AccountToken } from './accounts/account-token.entity';
import { Invitation } from './invitations/invitation.entity';
import { Notification, NotificationPreference, ScheduleRun } from './notifications/notification.entity';
import { Qualification, QualificationDocument } from './qualifications/qualification.entity';
import { ReferenceRequest } from './references/reference-request.entity';
import { RecordSubmission } from './record-submissions/record-submission.entity';

// Every entity of the service; one list shared by the app, the migration CLI and the tests. It lives here, at the
// composition root, so that database/ (which builds the DataSource from it) imports no feature.
export const ENTITIES = [
  User,
  RoleGrant,
  Body,
  Session,
  RefreshToken,
  AuditEntry,
  RateLimit,
  SupervisionRelationship,
  SupervisedCase,
  TherapySession,
  CaseSignoff,
  CaseReviewEvent,
  Instrument,
  OutcomeMeasure,
  TraineeProfile,
  TrainingActivity,
  ConflictDeclaration,
  SupervisionSession,
  SupervisionParticipant,
  SupervisionCaseReview,
  Rubric,
  RubricVersion,
  Rating,
  CalibrationExercise,
  CalibrationAttempt,
  BodySigningKey,
  Scheme,
  SchemeVersion,
  SchemeEnrolment,
  Recognition,
  Taxonomy,
  Application,
  ApplicationEvent,
  Accreditation,
  CredentialStatusEntry,
  AccreditationEvent,
  IdempotencyKey,
  Notification,
  NotificationPreference,
  ScheduleRun,
  Invitation,
  AccountToken,
  Qualification,
  QualificationDocument,
  ReferenceRequest,
  RecordSubmission,
];
