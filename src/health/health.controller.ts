import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { ErrorResponseDto } from '../common/error-response.dto';
import { DomainError } from '../common/errors';
import { ShutdownState } from './shutdown-state';

const notReady = (reason: string) => new DomainError('NOT_READY', `Not ready: ${reason}`, undefined, { 'Retry-After': '5' });

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  // liveness never touches the database: a database outage must not get healthy replicas restarted
  @Get('live')
  @Public('Liveness probe')
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public('Readiness probe')
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto })
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    if (this.shutdown.draining) throw notReady('shutting down');
    try {
      await this.health.check([() => this.db.pingCheck('database', { timeout: 1000 })]);
    } catch {
      throw notReady('database unreachable');
    }
    return { status: 'ok', database: 'up' };
  }
}
