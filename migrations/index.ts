import { Init1795635005914 } from './1795635005914-Init';
import { SupervisionRelationships1795635307738 } from './1795635307738-SupervisionRelationships';
import { TrainingCases1795635633138 } from './1795635633138-TrainingCases';
import { SupervisionSessions1795635738120 } from './1795635738120-SupervisionSessions';
import { RatingsCalibration1795635844015 } from './1795635844015-RatingsCalibration';
import { TrainingRecordsRecA1795635969953 } from './1795635969953-TrainingRecordsRecA';
import { SchemesApplicationsAccreditations1795636498113 } from './1795636498113-SchemesApplicationsAccreditations';
import { BodySigningKeys1795636461347 } from './1795636461347-BodySigningKeys';
import { IdempotencyKeys1795638089087 } from './1795638089087-IdempotencyKeys';
import { AuditErasureScrub1796160000000 } from './1796160000000-AuditErasureScrub';
import { OpenBadgesJwtStatusLists1796170000000 } from './1796170000000-OpenBadgesJwtStatusLists';
import { Notifications1796180000000 } from './1796180000000-Notifications';
import { BodyKinds1796180000001 } from './1796180000001-BodyKinds';
import { RiskFlagAcknowledgement1796220000000 } from './1796220000000-RiskFlagAcknowledgement';
import { InvitationsAccountTokens1796240000000 } from './1796240000000-InvitationsAccountTokens';
import { NotificationOnceKey1796250000000 } from './1796250000000-NotificationOnceKey';
import { UserLanguage1797000000000 } from './1797000000000-UserLanguage';
import { Taxonomies1797010000000 } from './1797010000000-Taxonomies';
import { InstrumentsAsData1797020000000 } from './1797020000000-InstrumentsAsData';
import { LevelLabels1797040000000 } from './1797040000000-LevelLabels';
import { QualificationsReferences1797050000000 } from './1797050000000-QualificationsReferences';
import { ImportedAccreditations1797060000000 } from './1797060000000-ImportedAccreditations';
import { ReferenceSchemes1797090000000 } from './1797090000000-ReferenceSchemes';
import { Recognitions1797100000000 } from './1797100000000-Recognitions';
import { RecordSubmissions1797110000000 } from './1797110000000-RecordSubmissions';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file here; add it to this list.
export const MIGRATIONS: Function[] = [
  Init1795635005914,
  SupervisionRelationships1795635307738,
  TrainingCases1795635633138,
  SupervisionSessions1795635738120,
  RatingsCalibration1795635844015,
  TrainingRecordsRecA1795635969953,
  BodySigningKeys1795636461347,
  SchemesApplicationsAccreditations1795636498113,
  IdempotencyKeys1795638089087,
  AuditErasureScrub1796160000000,
  OpenBadgesJwtStatusLists1796170000000,
  Notifications1796180000000,
  BodyKinds1796180000001,
  RiskFlagAcknowledgement1796220000000,
  InvitationsAccountTokens1796240000000,
  NotificationOnceKey1796250000000,
  UserLanguage1797000000000,
  Taxonomies1797010000000,
  InstrumentsAsData1797020000000,
  LevelLabels1797040000000,
  QualificationsReferences1797050000000,
  ImportedAccreditations1797060000000,
  ReferenceSchemes1797090000000,
  Recognitions1797100000000,
  RecordSubmissions1797110000000,
];
