import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BodiesModule } from './bodies/bodies.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { EtagInterceptor } from './common/etag';
import { loggerParams } from './common/logging';
import { ConfigModule } from './config/config.module';
import { AppConfig } from './config/env';
import { DataSource } from 'typeorm';
import { closeEmbeddedDb, embeddedDbClosed } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ErasureModule } from './erasure/erasure.module';
import { RatingsModule } from './ratings/ratings.module';
import { RubricsModule } from './rubrics/rubrics.module';
import { CalibrationModule } from './calibration/calibration.module';
import { SchemesModule } from './schemes/schemes.module';
import { TaxonomiesModule } from './taxonomies/taxonomies.module';
import { SeedModule } from './seed/seed.module';
import { SupervisionSessionsModule } from './supervision-sessions/supervision-sessions.module';
import { UsersModule } from './users/users.module';
import { TraineesModule } from './trainees/trainees.module';
import { ActivitiesModule } from './activities/activities.module';
import { SupervisionModule } from './supervision/supervision.module';
import { CasesModule } from './cases/cases.module';
import { MeasuresModule } from './measures/measures.module';
import { CredentialsModule } from './credentials/credentials.module';
import { RegisterModule } from './register/register.module';
import { AccreditationsModule } from './accreditations/accreditations.module';
import { ApplicationsModule } from './applications/applications.module';
import { RecognitionsModule } from './recognitions/recognitions.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { InvitationsModule } from './invitations/invitations.module';
import { AccountLinksModule } from './accounts/account-links.module';
import { QualificationsModule } from './qualifications/qualifications.module';
import { ReferencesModule } from './references/references.module';
import { RecordSubmissionsModule } from './record-submissions/record-submissions.module';
import { WhatIfModule } from './what-if/what-if.module';

@Module({
  imports: [
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
    DatabaseModule.forRoot(ENTITIES),
    AuditModule,
    AccessModule,
    HealthModule,
    IdempotencyModule,
    AuthModule,
    UsersModule,
    ErasureModule,
    BodiesModule,
    SeedModule,
    RubricsModule,
    RatingsModule,
    CalibrationModule,
    SupervisionSessionsModule,
    TraineesModule,
    ActivitiesModule,
    SupervisionModule,
    CasesModule,
    MeasuresModule,
    CredentialsModule,
    RegisterModule,
    SchemesModule,
    TaxonomiesModule,
    ApplicationsModule,
    RecognitionsModule,
    AccreditationsModule,
    NotificationsModule,
    ExportsModule,
    ImportsModule,
    InvitationsModule,
    QualificationsModule,
    ReferencesModule,
    RecordSubmissionsModule,
    WhatIfModule,
    AccountLinksModule,
  ],
  providers: [
    {
      provide: APP_FILTER,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new AllExceptionsFilter(() => embeddedDbClosed(ds.options)),
    },
    { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
  ],
})
export class AppModule implements OnApplicationShutdown {
  constructor(private readonly ds: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config)] };
  }

  // runs after TypeORM has closed its DataSource (deeper modules shut down first)
  async onApplicationShutdown(): Promise<void> {
    await closeEmbeddedDb(this.ds.options);
  }
}
