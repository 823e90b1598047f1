import type { TaxonomyDefinition } from './taxonomy-definition';

// The IPT lists every case used before taxonomies were data: seeded as the international taxonomy IPT v1 by
// migration 1797010000000 (which carries its own copy, as committed migrations never change). A case created
// without a taxonomyVersionId uses it.
export const IPT_TAXONOMY_ID = '7a3e0f52-6c1d-4b8e-9f00-000000000001';
export const IPT_TAXONOMY_CODE = 'IPT';

export const IPT_TAXONOMY_DEFINITION: TaxonomyDefinition = {
  attributes: [
    {
      code: 'problemArea',
      label: 'Problem area',
      required: true,
      values: [
        { code: 'grief', label: 'Grief' },
        { code: 'role_dispute', label: 'Role dispute' },
        { code: 'role_transition', label: 'Role transition' },
        { code: 'interpersonal_deficits', label: 'Interpersonal deficits' },
        { code: 'other', label: 'Other' },
      ],
    },
    {
      code: 'format',
      label: 'Format',
      required: true,
      values: [
        { code: 'individual', label: 'Individual' },
        { code: 'group', label: 'Group' },
      ],
    },
    {
      code: 'adaptation',
      label: 'Adaptation',
      required: true,
      values: [
        { code: 'adult', label: 'Adult' },
        { code: 'adolescent', label: 'Adolescent' },
        { code: 'perinatal', label: 'Perinatal' },
        { code: 'bipolar', label: 'Bipolar' },
        { code: 'eating_disorder', label: 'Eating disorder' },
        { code: 'other', label: 'Other' },
      ],
    },
    {
      code: 'setting',
      label: 'Setting',
      required: true,
      values: [
        { code: 'primary_care', label: 'Primary care' },
        { code: 'secondary_care', label: 'Secondary care' },
        { code: 'community', label: 'Community' },
        { code: 'inpatient', label: 'Inpatient' },
        { code: 'university', label: 'University' },
        { code: 'private_practice', label: 'Private practice' },
        { code: 'other', label: 'Other' },
      ],
    },
    {
      code: 'ageBand',
      label: 'Age band',
      required: true,
      values: ['12-17', '18-25', '26-40', '41-64', '65-89', '90+'].map((code) => ({ code, label: code })),
    },
  ],
  phases: [
    { code: 'initial', label: 'Initial' },
    { code: 'middle', label: 'Middle' },
    { code: 'termination', label: 'Termination' },
  ],
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
};
