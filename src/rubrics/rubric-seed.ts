import type { EntityManager } from 'typeorm';
import { type RubricDefinition, validateRubricDefinition } from './rubric-scoring';
import { Rubric, RubricTarget, RubricVersion, RubricVersionStatus } from './rubric.entity';

const anchors = (low: string, mid: string, high: string) => ({ '1': low, '3': mid, '5': high });

// EXAMPLE, NOT AN OFFICIAL SCALE: our own items written from the IPT phases and tasks (the real
// quality-and-adherence scale's items are not public). 1–5, pass = mean ≥ 3.0.
export const IPT_EXAMPLE_DEFINITION: RubricDefinition = {
  scale: { min: 1, max: 5 },
  items: [
    {
      code: 'diagnosis_sick_role',
      label: 'Gives the diagnosis and the sick role',
      domain: 'initial',
      anchors: anchors('Not addressed', 'Named, little explained', 'Explained and linked to expectations of treatment'),
    },
    {
      code: 'interpersonal_inventory',
      label: 'Takes the interpersonal inventory',
      domain: 'initial',
      anchors: anchors('Absent', 'Key relationships listed', 'Thorough: closeness, expectations, changes sought'),
    },
    {
      code: 'focus_formulation',
      label: 'Agrees the problem-area focus (grief, role dispute, role transition, interpersonal deficits)',
      domain: 'initial',
      anchors: anchors('No focus', 'Focus named without agreement', 'Formulation shared and agreed with the client'),
    },
    {
      code: 'mood_event_link',
      label: 'Links mood to interpersonal events',
      domain: 'middle',
      anchors: anchors('Never', 'Occasionally', 'Consistently, with the client doing it too'),
    },
    {
      code: 'focus_strategies',
      label: 'Uses strategies fitting the focus',
      domain: 'middle',
      anchors: anchors('Off focus', 'Partly', 'Well chosen and paced'),
    },
    {
      code: 'affect',
      label: 'Elicits and works with affect',
      domain: 'middle',
      anchors: anchors('Avoided', 'Acknowledged', 'Explored and used'),
    },
    {
      code: 'communication_analysis',
      label: 'Communication analysis and role play',
      domain: 'middle',
      anchors: anchors('Absent', 'Attempted', 'Skilful and linked to change'),
    },
    {
      code: 'time_limit',
      label: 'Keeps the time limit in view',
      domain: 'all phases',
      anchors: anchors('Ignored', 'Mentioned', 'Used to drive the work'),
    },
    {
      code: 'termination',
      label: 'Prepares termination: gains, feelings about ending, relapse signs',
      domain: 'termination',
      anchors: anchors('Absent', 'Partly', 'Complete'),
    },
    { code: 'alliance', label: 'Therapeutic alliance and warmth', domain: 'all phases', anchors: anchors('Poor', 'Adequate', 'Strong') },
  ],
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
};

// Shaped like the CTS-R (12 items 0–6, max 72; pass commonly total ≥ 36 with no item below 2).
const CTSR_ITEMS = [
  ['agenda_setting', 'Agenda setting'],
  ['feedback', 'Feedback'],
  ['collaboration', 'Collaboration'],
  ['pacing', 'Pacing and efficient use of time'],
  ['interpersonal_effectiveness', 'Interpersonal effectiveness'],
  ['eliciting_emotional_expression', 'Eliciting appropriate emotional expression'],
  ['eliciting_key_cognitions', 'Eliciting key cognitions'],
  ['eliciting_behaviours', 'Eliciting behaviours'],
  ['guided_discovery', 'Guided discovery'],
  ['conceptual_integration', 'Conceptual integration'],
  ['application_of_change_methods', 'Application of change methods'],
  ['homework_setting', 'Homework setting'],
] as const;

export const CTSR_SHAPED_DEFINITION: RubricDefinition = {
  scale: { min: 0, max: 6 },
  items: CTSR_ITEMS.map(([code, label]) => ({ code, label })),
  aggregation: 'sum',
  passRule: { threshold: 36, itemFloor: 2 },
  multiRater: { kind: 'single', disagreementThreshold: 12 },
};

const SEEDS = [
  {
    code: 'IPT-EXAMPLE-QA',
    name: 'IPT quality and adherence — example, not an official scale',
    modality: 'IPT',
    target: RubricTarget.Session,
    definition: IPT_EXAMPLE_DEFINITION,
  },
  {
    code: 'CTS-R-SHAPED',
    name: 'CTS-R-shaped competence scale (12 items, 0–6)',
    modality: 'CBT',
    target: RubricTarget.Session,
    definition: CTSR_SHAPED_DEFINITION,
  },
];

/**
 * Creates the two example rubrics as global, published version 1 — skipping any whose code already exists.
 * Run it inside the caller's unit of work (it writes with `em` only); returns the codes it created.
 */
export async function seedExampleRubrics(em: EntityManager): Promise<string[]> {
  const created: string[] = [];
  for (const seed of SEEDS) {
    if (Object.keys(validateRubricDefinition(seed.definition)).length) throw new Error(`seed rubric ${seed.code} is invalid`);
    const exists = await em
      .createQueryBuilder(Rubric, 'r')
      .where('r.code = :code AND r.owner_body_id IS NULL', { code: seed.code })
      .getExists();
    if (exists) continue;
    const rubric = await em.save(
      em.create(Rubric, {
        ownerBodyId: null,
        code: seed.code,
        name: seed.name,
        modality: seed.modality,
        target: seed.target,
        createdBy: null,
      }),
    );
    await em.save(
      em.create(RubricVersion, {
        rubricId: rubric.id,
        versionNumber: 1,
        status: RubricVersionStatus.Published,
        definition: seed.definition,
        publishedAt: new Date(),
        publishedBy: null,
      }),
    );
    created.push(seed.code);
  }
  return created;
}
