import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from './roles';

export interface Grant {
  role: Role;
  bodyId: string | null;
}

/** The signed-in caller, loaded fresh from the database on every request by the auth guard. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  grants: Grant[];
}

/** What a service needs to know about the request it serves: who, and which request (for the audit). */
export interface RequestCtx {
  requestId: string;
  ip: string;
  actor?: Actor;
}

export type AuthedCtx = RequestCtx & { actor: Actor };

export type AppRequest = FastifyRequest & { actor?: Actor };

export const toRequestCtx = (req: AppRequest): RequestCtx => ({ requestId: String(req.id), ip: req.ip, actor: req.actor });

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestCtx =>
  toRequestCtx(ctx.switchToHttp().getRequest<AppRequest>()),
);
