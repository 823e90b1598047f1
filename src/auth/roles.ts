// The role vocabulary lives in common/ (the request context names it, and common/ imports no feature); this
// re-export keeps the many `auth/roles` imports valid.
export { GLOBAL_ROLES, isGlobalRole, Role } from '../common/roles';
