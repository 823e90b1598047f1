import type { InvitationDto } from './dto';
import type { Invitation } from './invitation.entity';
import { invitationState } from './invitation-rules';

export const toInvitationDto = (i: Invitation, now: Date): InvitationDto => ({
  id: i.id,
  bodyId: i.bodyId,
  email: i.email,
  role: i.role,
  state: invitationState(i, now),
  expiresAt: i.expiresAt.toISOString(),
  sendCount: i.sendCount,
  createdAt: i.createdAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  withdrawnAt: i.withdrawnAt?.toISOString() ?? null,
});
