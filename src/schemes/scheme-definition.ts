import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { flattenValidationErrors } from '../common/validation';
import { GroupCreditParam } from './rules/cases/case-supervision';
import { LEVEL_CODE } from './rules/common';
import { RULE_TYPE_NAMES, RULE_TYPES, type RuleType } from './rules';

// A scheme version's content: its noun, phase boundaries, group-supervision credit and ordered levels, each
// with prerequisites, validity, renewal rules and requirements as typed rules. Validated field by field, so
// a body bringing its own scheme learns exactly which rule and parameter is wrong.

export const LEVEL_KINDS = ['introductory', 'practitioner', 'advanced', 'supervisor', 'trainer', 'added_qualification'] as const;

export class RuleDef {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'id must be a short lower-case identifier' })
  id!: string;

  @IsString()
  @IsIn(RULE_TYPE_NAMES, { message: `type must be one of: ${RULE_TYPE_NAMES.join(', ')}` })
  type!: RuleType;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;

  @IsObject()
  params!: Record<string, unknown>;

  // shown in progress with its verdict, never blocking eligibility
  @IsOptional()
  @IsBoolean()
  advisory?: boolean;
}

class PhaseBoundaries {
  // sessions 1..N are the initial phase
  @IsInt()
  @Min(1)
  @Max(10)
  initialLastSession!: number;

  // the last N sessions of a case are the termination phase
  @IsInt()
  @Min(1)
  @Max(10)
  terminationSessions!: number;
}

class Validity {
  // none: held until revoked; fixed_term: expires after N months; annual: renewed every year by declaration
  @IsIn(['none', 'fixed_term', 'annual'])
  kind!: 'none' | 'fixed_term' | 'annual';

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  months?: number;
}

class Renewal {
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RuleDef)
  requirements!: RuleDef[];

  // after expiry, the accreditation lapses when not renewed within this many days
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays!: number;

  @IsInt()
  @Min(0)
  @Max(365)
  reminderDaysBefore!: number;

  // share of renewals the body selects at random for audit, 0–100
  @IsNumber()
  @Min(0)
  @Max(100)
  auditSharePercent!: number;
}

export class LevelDef {
  @IsString()
  @Matches(LEVEL_CODE, { message: 'code must be capitals, digits, _ or - (e.g. PRACTITIONER, B)' })
  code!: string;

  @IsString()
  @Length(1, 120)
  name!: string;

  // the noun shown for this level on credentials, certificates and the register ("certified" vs "accredited");
  // absent = the scheme's noun
  @IsOptional()
  @IsString()
  @Length(2, 30)
  noun?: string;

  // the title a holder of this level bears ("Accredited IPT Supervisor"); absent = the level's name
  @IsOptional()
  @IsString()
  @Length(1, 120)
  title?: string;

  @IsIn(LEVEL_KINDS)
  kind!: (typeof LEVEL_KINDS)[number];

  @IsInt()
  @Min(1)
  @Max(100)
  order!: number;

  @ValidateNested()
  @Type(() => Validity)
  validity!: Validity;

  @IsOptional()
  @ValidateNested()
  @Type(() => Renewal)
  renewal?: Renewal;

  // who may apply at all (profession, licence, membership, earlier levels)
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RuleDef)
  prerequisites!: RuleDef[];

  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => RuleDef)
  requirements!: RuleDef[];
}

export class SchemeDefinitionDto {
  // the noun the body uses: "accredited", "certified", …
  @IsString()
  @Length(2, 30)
  noun!: string;

  @ValidateNested()
  @Type(() => PhaseBoundaries)
  phaseBoundaries!: PhaseBoundaries;

  @ValidateNested()
  @Type(() => GroupCreditParam)
  groupCredit!: GroupCreditParam;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LevelDef)
  levels!: LevelDef[];
}

export type SchemeDefinition = SchemeDefinitionDto;

/** The noun and title a level is shown with: its own, else the scheme's noun and the level's name. */
export const levelLabels = (def: Pick<SchemeDefinition, 'noun'>, level: Pick<LevelDef, 'noun' | 'title' | 'name'>) => ({
  noun: level.noun ?? def.noun,
  title: level.title ?? level.name,
});

/** Field-keyed problems with a definition (empty when valid), e.g. `levels.1.requirements.0.params.minCount`. */
export function validateSchemeDefinition(input: unknown): Record<string, string[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { definition: ['definition must be an object'] };
  const def = plainToInstance(SchemeDefinitionDto, input);
  const errors = flattenValidationErrors(validateSync(def, { whitelist: true, forbidNonWhitelisted: true }), 'definition');
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const levels = Array.isArray(def.levels) ? def.levels : [];
  const codes = levels.map((l) => l?.code);
  levels.forEach((level, li) => {
    if (!level) return;
    if (codes.indexOf(level.code) !== li) add(`definition.levels.${li}.code`, `level code ${level.code} is used twice`);
    if (level.validity?.kind === 'fixed_term' && !level.validity.months)
      add(`definition.levels.${li}.validity.months`, 'months is required for a fixed term');
    if (level.validity?.kind !== 'none' && !level.renewal)
      add(`definition.levels.${li}.renewal`, 'a level that expires needs renewal rules');
    const groups: [string, RuleDef[] | undefined][] = [
      ['prerequisites', level.prerequisites],
      ['requirements', level.requirements],
      ['renewal.requirements', level.renewal?.requirements],
    ];
    const ids = new Set<string>();
    for (const [group, rules] of groups) {
      (Array.isArray(rules) ? rules : []).forEach((rule, ri) => {
        const path = `definition.levels.${li}.${group}.${ri}`;
        if (!rule || !RULE_TYPE_NAMES.includes(rule.type)) return;
        if (ids.has(`${group}:${rule.id}`)) add(`${path}.id`, `rule id ${rule.id} is used twice in this level`);
        ids.add(`${group}:${rule.id}`);
        Object.assign(errors, validateRuleParams(rule.type, rule.params, `${path}.params`));
      });
    }
  });
  return errors;
}

const PER_CASE_RULES: readonly string[] = ['case_supervision', 'case_recordings', 'outcome_measures'];

export function validateRuleParams(type: RuleType, params: unknown, path: string): Record<string, string[]> {
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    return { [path]: [`params of a ${type} rule must be an object`] };
  const instance = plainToInstance(RULE_TYPES[type].params as new () => object, params);
  const errors = flattenValidationErrors(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }), path);
  const window = (params as { window?: { since?: unknown; earlier?: { params?: unknown } } }).window;
  if (window?.earlier) {
    const at = `${path}.window.earlier`;
    if (!PER_CASE_RULES.includes(type)) (errors[at] ??= []).push(`per-subset thresholds apply to ${PER_CASE_RULES.join(', ')} rules only`);
    else if (!window.since) (errors[at] ??= []).push('earlier needs window.since: the event that splits the cases');
    else if (typeof window.earlier.params === 'object' && window.earlier.params !== null) {
      // the earlier cases' params replace this rule's: the merge must itself be valid params of the rule type
      const merged = { ...(params as object), window: undefined, ...window.earlier.params };
      delete (merged as { window?: unknown }).window;
      const nested = validateRuleParams(type, merged, `${at}.params`);
      for (const [key, messages] of Object.entries(nested))
        if (Object.keys(window.earlier.params).some((k) => key === `${at}.params.${k}` || key.startsWith(`${at}.params.${k}.`)))
          errors[key] = messages;
    }
  }
  return errors;
}
