import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CredentialDownloadDto, PublicListingDto, RotatedKeysDto, UpdatePublicListingDto } from './dto';
import { HolderCredentialsService } from './holder-credentials.service';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('credentials')
@Controller('bodies')
export class SigningKeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Post(':bodyId/signing-keys/rotate')
  @HttpCode(201)
  @RequirePermission(Permission.CredentialsManage, "Rotate a body's signing key")
  @ApiCreatedResponse({ type: RotatedKeysDto, description: 'A new active key; the previous one is retired and stays in the JWKS' })
  rotate(@Ctx() ctx: AuthedCtx, @Param('bodyId', UuidPipe) bodyId: string): Promise<RotatedKeysDto> {
    return this.keys.rotate(ctx, bodyId);
  }
}

@ApiTags('credentials')
@Controller('accreditations')
export class AccreditationCredentialsController {
  constructor(private readonly holder: HolderCredentialsService) {}

  // scope (the holder, or an admin of the issuing body) is the service's
  @Get(':id/credential')
  @RequirePermission(Permission.Self, 'Download the verifiable credential of an accreditation')
  @ApiOkResponse({ type: CredentialDownloadDto })
  download(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CredentialDownloadDto> {
    return this.holder.download(ctx, id);
  }

  @Put(':id/public-listing')
  @RequirePermission(Permission.Self, 'Consent to (or withdraw from) the public register')
  @ApiOkResponse({ type: PublicListingDto, description: "The holder's consent to appear in the public register; needs If-Match" })
  setPublicListing(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdatePublicListingDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<PublicListingDto> {
    return this.holder.setPublicListing(ctx, id, dto, ifMatch);
  }
}
