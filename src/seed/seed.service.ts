import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/env';
import { createGlobalAdmin } from './bootstrap-admin';
import { demoBanner, seedDemo } from './demo-seed';

@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');
  /** Lines printed after start-up (the demo sign-in details), empty when there is no demo data. */
  banner = '';
  /** true when this start created the demo accounts: the demo records are then written through the API */
  freshDemo = false;

  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      const r = await createGlobalAdmin(this.db, { email: this.config.ADMIN_EMAIL, password: this.config.ADMIN_PASSWORD });
      if (r.created || r.granted) this.logger.log(`Global admin ${this.config.ADMIN_EMAIL} ${r.created ? 'created' : 'granted ADMIN'}`);
    }
    if (this.config.seedDemo) {
      const r = await seedDemo(this.db);
      if (r.created) this.logger.log('Demo accounts created');
      this.freshDemo = r.created;
      this.banner = demoBanner();
    }
  }
}
