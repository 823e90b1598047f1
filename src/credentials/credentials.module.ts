import { Global, Module } from '@nestjs/common';
import { AccreditationCredentialsController, SigningKeysController } from './credentials.controller';
import { CredentialIssuer } from './credential-issuer.service';
import { HolderCredentialsService } from './holder-credentials.service';
import { SigningKeysService } from './signing-keys.service';

// Global so issuance and renewal (src/accreditations) can inject CredentialIssuer without importing this module.
@Global()
@Module({
  controllers: [SigningKeysController, AccreditationCredentialsController],
  providers: [SigningKeysService, CredentialIssuer, HolderCredentialsService],
  exports: [CredentialIssuer, SigningKeysService],
})
export class CredentialsModule {}
