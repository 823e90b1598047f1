import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { ErrorResponseDto } from '../common/error-response.dto';
import { UuidPipe } from '../common/uuid';
import { STATUS_PURPOSES, type StatusPurpose } from '../credentials/credential';
import { JwksDto, PublicJwkDto } from '../credentials/dto';
import { STATUS_LIST_TTL_SECONDS } from '../credentials/status-lists.service';
import {
  CredentialStatusDto,
  IssuerProfileDto,
  PresentedVerificationDto,
  VerificationDto,
  VerifyByNumberQuery,
  VerifyCredentialDto,
} from './dto';
import { CacheFor, PublicCacheInterceptor } from './public-cache.interceptor';
import { CertificateNumberPipe, PublicRateLimitGuard, StatusPurposePipe } from './public-rate-limit.guard';
import { VerificationService } from './verification.service';

// Public: anyone (an employer, a patient, another body) may check an accreditation. Rate-limited per address.
@ApiTags('verify')
@Controller('verify')
@Public()
@UseGuards(PublicRateLimitGuard)
@UseInterceptors(PublicCacheInterceptor)
@ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'More than PUBLIC_RATE_LIMIT requests a minute from this address' })
export class VerifyController {
  constructor(private readonly verification: VerificationService) {}

  @Get('bodies/:bodyId/jwks')
  @CacheFor(300)
  @ApiOkResponse({
    type: JwksDto,
    description: "The body's signing keys, active and retired, newest first; `current` names the one that signs now",
  })
  @Public("Get a body's public signing keys (JWKS)")
  jwks(@Param('bodyId', UuidPipe) bodyId: string): Promise<JwksDto> {
    return this.verification.jwks(bodyId);
  }

  // a key never changes once made (rotation adds a new one), so it may be cached long
  @Get('bodies/:bodyId/keys/:keyId')
  @CacheFor(86_400)
  @Public("Get one of a body's public signing keys (the credential's kid)")
  @ApiOkResponse({ type: PublicJwkDto, description: 'One public key (JWK): the URL is the `kid` header of the credentials it signed' })
  key(@Param('bodyId', UuidPipe) bodyId: string, @Param('keyId', UuidPipe) keyId: string): Promise<PublicJwkDto> {
    return this.verification.key(bodyId, keyId);
  }

  @Get('bodies/:bodyId/status-lists/:purpose')
  @CacheFor(STATUS_LIST_TTL_SECONDS, 'application/vc+jwt')
  @Public("Get a body's Bitstring Status List credential")
  @ApiProduces('application/vc+jwt')
  @ApiParam({ name: 'purpose', enum: STATUS_PURPOSES })
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      "The body's Bitstring Status List for that purpose: a BitstringStatusListCredential signed as a VC-JWT (compact JWS), the `statusListCredential` of issued credentials",
  })
  statusList(@Param('bodyId', UuidPipe) bodyId: string, @Param('purpose', StatusPurposePipe) purpose: StatusPurpose): Promise<string> {
    return this.verification.statusList(bodyId, purpose);
  }

  @Get('bodies/:bodyId')
  @CacheFor(3600)
  @ApiOkResponse({ type: IssuerProfileDto, description: 'The issuer: an Open Badges 3.0 Profile, served at its id' })
  @Public("Get a body's issuer profile")
  issuer(@Param('bodyId', UuidPipe) bodyId: string): Promise<IssuerProfileDto> {
    return this.verification.issuerProfile(bodyId);
  }

  @Get('status/:certificateNumber')
  @ApiOkResponse({
    type: CredentialStatusDto,
    description:
      'Where a certificate stands, by number (issued credentials carry a Bitstring Status List entry instead); 404 for an unknown certificate',
  })
  @Public("Get a credential's status")
  status(@Param('certificateNumber', CertificateNumberPipe) certificateNumber: string): Promise<CredentialStatusDto> {
    return this.verification.status(certificateNumber);
  }

  @Get(':certificateNumber')
  @ApiOkResponse({
    type: VerificationDto,
    description: 'Always 200 for a well-formed number; result "unknown" when there is no such certificate',
  })
  @Public('Verify a certificate by its number')
  byNumber(
    @Param('certificateNumber', CertificateNumberPipe) certificateNumber: string,
    @Query() query: VerifyByNumberQuery,
  ): Promise<VerificationDto> {
    return this.verification.byNumber(certificateNumber, query.name);
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: PresentedVerificationDto, description: "Signature, validity period and today's status of a presented credential" })
  @Public('Verify a presented credential')
  presented(@Body() dto: VerifyCredentialDto): Promise<PresentedVerificationDto> {
    return this.verification.presented(dto.credential);
  }
}
