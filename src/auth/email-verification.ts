import type { EntityManager } from 'typeorm';

/**
 * A self-registered account is sent a link that confirms its address, written in the registration's own
 * transaction. auth/ names what it needs; accounts/ provides it (accounts/ imports auth/, not the reverse).
 */
export abstract class EmailVerification {
  abstract issue(em: EntityManager, user: { id: string; email: string }): Promise<void>;
}
