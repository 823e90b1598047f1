// The shape of a person's exported record. The JSON Schema below is the documented contract: it is written to
// docs/schemas/record-export.schema.json (a spec keeps the two equal) and, converted to OpenAPI 3.0, documents
// the route. `format` names the schema's version; a change that breaks readers bumps it.
export const RECORD_EXPORT_FORMAT = 'ipt-record-export/1';

type Schema = Record<string, unknown>;
const str: Schema = { type: 'string' };
const date: Schema = { type: 'string', format: 'date' };
const dateTime: Schema = { type: 'string', format: 'date-time' };
const uuid: Schema = { type: 'string', format: 'uuid' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const orNull = (s: Schema): Schema => ({ ...s, type: [s.type, 'null'] });
const obj = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});
const list = (items: Schema, description: string): Schema => ({ type: 'array', description, items });

export const RECORD_EXPORT_SCHEMA: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://ipt-accreditation.example/schemas/record-export.schema.json',
  title: 'IPT training record export',
  description:
    "Everything the service holds about one person's IPT training, as exported to that person (GET /api/v1/me/record-export). Clinical content is pseudonymous (client codes only).",
  ...obj({
    format: { const: RECORD_EXPORT_FORMAT, description: 'Schema version of this document' },
    exportedAt: dateTime,
    person: obj({
      id: uuid,
      email: str,
      displayName: str,
      createdAt: dateTime,
      traineeProfile: orNull(
        obj({
          countryCode: str,
          homeBodyId: uuid,
          coreProfession: str,
          licences: { type: 'array', items: { type: 'object' } },
          memberships: { type: 'array', items: { type: 'object' } },
        }),
      ),
    }),
    activities: list(
      obj({
        id: uuid,
        kind: str,
        title: str,
        provider: str,
        hours: num,
        delivery: str,
        date,
        evidenceRef: orNull(str),
        verified: bool,
        verifiedAt: orNull(dateTime),
      }),
      'Training activities (didactic, workshops, boosters, CPD), oldest first',
    ),
    cases: list(
      obj({
        id: uuid,
        bodyId: uuid,
        supervisorName: str,
        clientCode: str,
        format: str,
        adaptation: str,
        ageBand: str,
        setting: str,
        primaryDiagnosis: str,
        focusProblemArea: str,
        secondaryProblemArea: orNull(str),
        plannedSessions: int,
        startDate: date,
        endDate: orNull(date),
        status: str,
        endReason: orNull(str),
        reviewState: str,
        presentingProblem: orNull(str),
        formulation: orNull(str),
        course: orNull(str),
        techniques: orNull(str),
        outcome: orNull(str),
        sessions: list(
          obj({ number: int, date, durationMinutes: int, phase: str, attended: bool, recorded: bool }),
          'Therapy sessions by number',
        ),
        measures: list(
          obj({ instrument: str, administeredOn: date, sessionNumber: orNull(int), total: num, severity: str, riskFlag: bool }),
          'Outcome measures',
        ),
        signOffs: list(
          obj({ supervisorName: str, contentHash: str, signedAt: dateTime, voidedAt: orNull(dateTime), voidReason: orNull(str) }),
          'Supervisor sign-offs (a voided one was undone by a later edit)',
        ),
      }),
      'Supervised cases with their sessions, outcome measures and sign-offs',
    ),
    supervisionRelationships: list(
      obj({
        id: uuid,
        supervisorName: str,
        bodyId: uuid,
        status: str,
        startedOn: orNull(date),
        endedOn: orNull(date),
        endReason: orNull(str),
      }),
      'Supervision relationships',
    ),
    supervisionSessions: list(
      obj({
        id: uuid,
        supervisorName: str,
        bodyId: uuid,
        date,
        minutes: int,
        format: str,
        participants: int,
        casesReviewed: { type: 'array', items: uuid },
      }),
      'Supervision received (individual or group), with the own cases reviewed',
    ),
    ratingsReceived: list(
      obj({
        id: uuid,
        rubricVersionId: uuid,
        targetType: str,
        targetId: uuid,
        raterRole: str,
        scores: { type: 'object', additionalProperties: num },
        total: num,
        mean: orNull(num),
        passed: orNull(bool),
        overallComment: orNull(str),
        supersedesId: orNull(uuid),
        submittedAt: orNull(dateTime),
      }),
      "Submitted competency ratings of the person's work (a correction supersedes an earlier rating)",
    ),
    applications: list(
      obj({
        id: uuid,
        bodyId: uuid,
        levelCode: str,
        status: str,
        submittedAt: dateTime,
        allRulesMet: bool,
        decidedAt: orNull(dateTime),
        decisionReason: orNull(str),
        accreditationId: orNull(uuid),
      }),
      'Applications for a level, with their decisions',
    ),
    accreditations: list(
      obj({
        id: uuid,
        certificateNumber: str,
        bodyId: uuid,
        bodyName: str,
        levelCode: str,
        levelName: str,
        status: str,
        issuedOn: date,
        expiresOn: orNull(date),
        publicListing: bool,
      }),
      'Accreditations held (each also as a printable certificate and a verifiable credential)',
    ),
  }),
};

/** The same schema in OpenAPI 3.0's dialect (no type arrays, `nullable` instead; no `const`, `$schema` or `$id`). */
export function toOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi30);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema' || k === '$id') continue;
    if (k === 'const') out.enum = [v];
    else if (k === 'type' && Array.isArray(v)) {
      out.type = v.find((t) => t !== 'null');
      out.nullable = true;
    } else out[k] = toOpenApi30(v);
  }
  return out;
}

export type RecordExport = {
  format: typeof RECORD_EXPORT_FORMAT;
  exportedAt: string;
  person: { id: string; email: string; displayName: string; createdAt: string; traineeProfile: Record<string, unknown> | null };
} & Record<
  'activities' | 'cases' | 'supervisionRelationships' | 'supervisionSessions' | 'ratingsReceived' | 'applications' | 'accreditations',
  Record<string, unknown>[]
>;
