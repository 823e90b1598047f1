import { VerificationState } from './qualification.entity';

// Pure rules of a qualification's verification.

export const QUALIFICATION_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

/** Only a pending record is decided; a decided one goes back to pending when its owner changes it. */
export const mayReview = (state: VerificationState): boolean => state === VerificationState.Pending;

/** What the owner's edit does to the verification: any change to what was verified makes it pending again. */
export const stateAfterEdit = (state: VerificationState): VerificationState =>
  state === VerificationState.Pending ? state : VerificationState.Pending;
