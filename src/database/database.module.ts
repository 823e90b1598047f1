import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/env';
import { buildDataSourceOptions, type EntityList } from './data-source-options';

@Module({})
export class DatabaseModule {
  // The entity list comes from the composition root (src/entities.ts): database/ imports no feature.
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => buildDataSourceOptions(config, entities),
        }),
      ],
    };
  }
}
