import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { ErrorResponseDto } from '../common/error-response.dto';
import { UuidPipe } from '../common/uuid';
import { JwksDto } from '../credentials/dto';
import { CredentialStatusDto, IssuerProfileDto, PresentedVerificationDto, VerificationDto, VerifyByNumberQuery, VerifyCredentialDto } from './dto';
import { CertificateNumberPipe, PublicRateLimitGuard } from './public-rate-limit.guard';
import { VerificationService } from './verification.service';

// Public: anyone (an employer, a patient, another body) may check an accreditation. Rate-limited per address.
@ApiTags('verify')
@Controller('verify')
@Public()
@UseGuards(PublicRateLimitGuard)
@ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'More than PUBLIC_RATE_LIMIT requests a minute from this address' })
export class VerifyController {
  constructor(private readonly verification: VerificationService) {}

  @Get('bodies/:bodyId/jwks')
  @ApiOkResponse({ type: JwksDto, description: 'The body\'s signing keys, active and retired' })
  @Public("Get a body's public signing keys (JWKS)")
  jwks(@Param('bodyId', UuidPipe) bodyId: string): Promise<JwksDto> {
    return this.verification.jwks(bodyId);
  }

  @Get('bodies/:bodyId')
  @ApiOkResponse({ type: IssuerProfileDto, description: 'The issuer profile named in credentials' })
  @Public("Get a body's issuer profile")
  issuer(@Param('bodyId', UuidPipe) bodyId: string): Promise<IssuerProfileDto> {
    return this.verification.issuerProfile(bodyId);
  }

  @Get('status/:certificateNumber')
  @ApiOkResponse({ type: CredentialStatusDto, description: 'The credentialStatus endpoint; 404 for an unknown certificate' })
  @Public("Get a credential's status")
  status(@Param('certificateNumber', CertificateNumberPipe) certificateNumber: string): Promise<CredentialStatusDto> {
    return this.verification.status(certificateNumber);
  }

  @Get(':certificateNumber')
  @ApiOkResponse({ type: VerificationDto, description: 'Always 200 for a well-formed number; result "unknown" when there is no such certificate' })
  @Public('Verify a certificate by its number')
  byNumber(@Param('certificateNumber', CertificateNumberPipe) certificateNumber: string, @Query() query: VerifyByNumberQuery): Promise<VerificationDto> {
    return this.verification.byNumber(certificateNumber, query.name);
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: PresentedVerificationDto, description: 'Signature, validity period and today\'s status of a presented credential' })
  @Public('Verify a presented credential')
  presented(@Body() dto: VerifyCredentialDto): Promise<PresentedVerificationDto> {
    return this.verification.presented(dto.credential);
  }
}
