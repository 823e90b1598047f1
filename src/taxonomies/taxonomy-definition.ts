import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
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

// A taxonomy version's content: the categorical attributes a case is described by (each with its list of
// values), the session phases in their order, and the phase-boundary defaults. Validated field by field like a
// scheme definition, so a body learns exactly which attribute or value is wrong.

/** Attributes every taxonomy defines: each is a column of the case (problemArea: focus and secondary). */
export const BUILT_IN_ATTRIBUTES = ['problemArea', 'format', 'adaptation', 'setting', 'ageBand'] as const;
export type BuiltInAttribute = (typeof BUILT_IN_ATTRIBUTES)[number];

export const ATTRIBUTE_CODE = /^[a-z][a-zA-Z0-9]{0,39}$/;
export const VALUE_CODE = /^[a-z0-9][a-z0-9_.+-]{0,39}$/;

export class TaxonomyValue {
  @IsString()
  @Matches(VALUE_CODE, { message: 'code must be 1–40 of a–z 0–9 _ . + - (e.g. role_dispute, 18-25)' })
  code!: string;

  @IsString()
  @Length(1, 120)
  label!: string;

  // a retired value is refused for new cases and kept on the cases that have it
  @IsOptional()
  @IsBoolean()
  retired?: boolean;
}

export class TaxonomyAttribute {
  @IsString()
  @Matches(ATTRIBUTE_CODE, { message: 'code must be a camelCase identifier (e.g. diagnosisGroup)' })
  code!: string;

  @IsString()
  @Length(1, 120)
  label!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TaxonomyValue)
  values!: TaxonomyValue[];

  @IsBoolean()
  required!: boolean;

  // the case may name several values (a list); built-in attributes are single-valued
  @IsOptional()
  @IsBoolean()
  multiple?: boolean;
}

export class TaxonomyPhase {
  @IsString()
  @Matches(VALUE_CODE, { message: 'code must be 1–40 of a–z 0–9 _ . + -' })
  code!: string;

  @IsString()
  @Length(1, 120)
  label!: string;
}

export class TaxonomyPhaseBoundaries {
  // sessions 1..N are the first phase
  @IsInt()
  @Min(1)
  @Max(10)
  initialLastSession!: number;

  // the last N sessions of a case are the last phase
  @IsInt()
  @Min(1)
  @Max(10)
  terminationSessions!: number;
}

export class TaxonomyDefinitionDto {
  @IsArray()
  @ArrayMinSize(BUILT_IN_ATTRIBUTES.length)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => TaxonomyAttribute)
  attributes!: TaxonomyAttribute[];

  // in session order: a case's sessions never go back to an earlier phase
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TaxonomyPhase)
  phases!: TaxonomyPhase[];

  @ValidateNested()
  @Type(() => TaxonomyPhaseBoundaries)
  phaseBoundaries!: TaxonomyPhaseBoundaries;
}

export type TaxonomyDefinition = TaxonomyDefinitionDto;

/** Field-keyed problems with a definition (empty when valid), e.g. `definition.attributes.2.values.0.code`. */
export function validateTaxonomyDefinition(input: unknown): Record<string, string[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { definition: ['definition must be an object'] };
  const def = plainToInstance(TaxonomyDefinitionDto, input);
  const errors = flattenValidationErrors(validateSync(def, { whitelist: true, forbidNonWhitelisted: true }), 'definition');
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const attributes = Array.isArray(def.attributes) ? def.attributes : [];
  const codes = attributes.map((a) => a?.code);
  attributes.forEach((a, i) => {
    if (!a) return;
    if (codes.indexOf(a.code) !== i) add(`definition.attributes.${i}.code`, `attribute ${a.code} is defined twice`);
    if (RESERVED.includes(a.code)) add(`definition.attributes.${i}.code`, `${a.code} is a field of the case; use problemArea`);
    const builtIn = (BUILT_IN_ATTRIBUTES as readonly string[]).includes(a.code);
    if (builtIn && a.multiple) add(`definition.attributes.${i}.multiple`, `${a.code} is a single value of the case`);
    if (builtIn && a.required !== true) add(`definition.attributes.${i}.required`, `${a.code} is always required`);
    const values = Array.isArray(a.values) ? a.values : [];
    duplicates(values.map((v) => v?.code)).forEach((vi) => add(`definition.attributes.${i}.values.${vi}.code`, 'value code is used twice'));
    if (values.length && values.every((v) => v?.retired))
      add(`definition.attributes.${i}.values`, 'at least one value must not be retired');
  });
  for (const code of BUILT_IN_ATTRIBUTES)
    if (!codes.includes(code)) add('definition.attributes', `attribute ${code} is required (every case records it)`);
  const phases = Array.isArray(def.phases) ? def.phases : [];
  duplicates(phases.map((p) => p?.code)).forEach((pi) => add(`definition.phases.${pi}.code`, 'phase code is used twice'));
  return errors;
}

const RESERVED = ['focusProblemArea', 'secondaryProblemArea'];
const duplicates = (codes: unknown[]): number[] => codes.flatMap((c, i) => (c !== undefined && codes.indexOf(c) !== i ? [i] : []));
