import { Injectable, Logger } from '@nestjs/common';

/**
 * Registration answers the same whether or not the e-mail already has an account (no existence oracle), so the
 * real owner must hear about a registration attempt on their address some other way: by e-mail ("someone tried
 * to register with your address; if it was you, sign in or reset your password").
 *
 * HOOK: there is no outgoing mail yet (the notifications issue). Until there is, this only logs the account id
 * (never the e-mail). Replace the body of `existingAccount` with the mail once it exists; it runs after the
 * uniform answer is decided and must not change it (nor fail the request).
 */
@Injectable()
export class RegistrationNotice {
  private readonly logger = new Logger(RegistrationNotice.name);

  existingAccount(userId: string, requestId: string): void {
    this.logger.log({ userId, requestId }, 'registration attempted for an existing account (owner notification pending mail)');
  }
}
