import { BodyKind } from './body.entity';
import { ISO_COUNTRIES } from './iso-countries';

// Which bodies may exist. Several bodies may share a country (a CBT body and an IPT body; a regional chapter):
// the country is an attribute, never a key. Bodies are told apart by id (and their unique code).

export interface NewBody {
  kind: BodyKind;
  countryCode?: string | null;
}

export type BodyCheck = { ok: true } | { ok: false; field: 'countryCode' | 'parentId'; message: string };

/** The rules that need no database: country by kind, and whether a parent is needed. */
export function checkNewBody(b: NewBody & { parentId?: string | null }): BodyCheck {
  if (b.countryCode && !ISO_COUNTRIES.has(b.countryCode))
    return { ok: false, field: 'countryCode', message: 'countryCode is not an ISO 3166-1 alpha-2 country' };
  switch (b.kind) {
    case BodyKind.International:
      if (b.countryCode) return { ok: false, field: 'countryCode', message: 'an international body has no country' };
      if (b.parentId) return { ok: false, field: 'parentId', message: 'an international body has no parent' };
      return { ok: true };
    case BodyKind.National:
      if (!b.countryCode) return { ok: false, field: 'countryCode', message: 'countryCode is required for a national body' };
      return { ok: true };
    case BodyKind.Regional:
      if (!b.countryCode) return { ok: false, field: 'countryCode', message: 'countryCode is required for a regional body' };
      if (!b.parentId) return { ok: false, field: 'parentId', message: 'parentId (the national body) is required for a regional body' };
      return { ok: true };
    default:
      return { ok: true };
  }
}

/** The parent's kind must sit above the child's: international ← national ← regional; "other" may hang under any. */
export function checkParent(child: NewBody, parent: NewBody): BodyCheck {
  const allowed: Record<BodyKind, BodyKind[]> = {
    [BodyKind.International]: [],
    [BodyKind.National]: [BodyKind.International],
    [BodyKind.Regional]: [BodyKind.National],
    [BodyKind.Other]: [BodyKind.International, BodyKind.National, BodyKind.Regional, BodyKind.Other],
  };
  if (!allowed[child.kind].includes(parent.kind)) {
    return {
      ok: false,
      field: 'parentId',
      message: `the parent of a ${child.kind} body must be ${allowed[child.kind].join(' or ') || 'none'}`,
    };
  }
  if (child.kind === BodyKind.Regional && parent.countryCode !== child.countryCode) {
    return { ok: false, field: 'countryCode', message: 'a regional body is in the country of its national body' };
  }
  return { ok: true };
}

/** Anyone may register as a trainee with a body of a country (national, regional, other), not the international body. */
export const acceptsRegistrations = (b: NewBody): boolean => b.kind !== BodyKind.International;
