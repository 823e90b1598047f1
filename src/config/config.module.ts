import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './env';

/** Provides the configuration loaded (and validated) once by the entry point or the test harness. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
