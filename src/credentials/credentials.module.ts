import { Global, Module } from '@nestjs/common';
import { AccreditationCredentialsController, SigningKeysController } from './credentials.controller';
import { CredentialIssuer } from './credential-issuer.service';
import { HolderCredentialsService } from './holder-credentials.service';
import { SigningKeysService } from './signing-keys.service';
import { StatusListsService } from './status-lists.service';

// Global so issuance and renewal (src/accreditations) can inject CredentialIssuer without importing this module.
@Global()
@Module({
  controllers: [SigningKeysController, AccreditationCredentialsController],
  providers: [SigningKeysService, StatusListsService, CredentialIssuer, HolderCredentialsService],
  exports: [CredentialIssuer, SigningKeysService, StatusListsService],
})
export class CredentialsModule {}
