/**
 * Registration answers the same whether or not the e-mail already has an account (no existence oracle), so the
 * real owner hears about a registration attempt on their address by e-mail instead ("someone tried to register
 * with your address; if it was you, sign in"). auth/ names what it needs; notifications/ provides it (so auth/
 * does not import notifications/, which imports auth/). It runs after the uniform answer is decided and must
 * neither change it nor fail the request.
 */
export abstract class RegistrationNotice {
  abstract existingAccount(userId: string, requestId: string): Promise<void>;
}
