import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { plural, withinMonths } from './common';
import type { RuleEvaluator } from './rule-types';

// Evidence a person brings from outside their training record (issue 15): qualifications the body verified,
// and references written by referees.

export class QualificationParams {
  // the qualification codes accepted, any one of them, e.g. ["MSC_CLIN_PSY", "PSYCHOTHERAPIST_LICENCE"]
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, { each: true, message: 'codes must be qualification codes such as MSC_CLIN_PSY' })
  codes!: string[];

  // only a qualification the body verified counts (default true)
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;
}

/** One qualification from the scheme's list (e.g. a clinical degree or a licence to practise), verified by the body. */
export const qualification: RuleEvaluator<QualificationParams> = {
  params: QualificationParams,
  evaluate(p, record) {
    const listed = record.qualifications.filter((q) => p.codes.includes(q.code));
    const counted = listed.filter((q) => q.state === 'verified' || (p.verifiedOnly === false && q.state === 'pending'));
    const accepted = p.codes.join(', ');
    let message: string;
    if (counted.length) message = `${counted[0].title} (${counted[0].code})${counted[0].state === 'verified' ? ', verified' : ''}`;
    else if (listed.some((q) => q.state === 'pending'))
      message = `${listed.find((q) => q.state === 'pending')!.code} is recorded and awaits verification by the body`;
    else if (listed.length) message = `${listed[0].code} was rejected by the body; accepted: ${accepted}`;
    else message = `No qualification recorded from the accepted list: ${accepted}`;
    return {
      met: counted.length > 0,
      reached: counted.length ? 1 : 0,
      required: 1,
      unit: 'qualification',
      message,
      evidence: listed.map((q) => ({ kind: 'qualification' as const, id: q.id, note: `${q.title} (${q.code}), ${q.state}` })),
    };
  },
};

export class ReferencesParams {
  // at least this many submitted references
  @IsInt()
  @Min(1)
  @Max(20)
  min!: number;

  // kinds that count, e.g. ["clinical"]; absent = any kind
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true, message: 'kinds must be reference kinds such as clinical' })
  kinds?: string[];

  // submitted within the last N months up to the evaluation date
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;
}

/** N references of the given kind(s) submitted by referees for the scheme's body, optionally recent ones only. */
export const references: RuleEvaluator<ReferencesParams> = {
  params: ReferencesParams,
  evaluate(p, record, ctx) {
    const ofKind = record.references.filter((r) => r.bodyId === ctx.schemeBodyId && (!p.kinds || p.kinds.includes(r.kind)));
    const submitted = ofKind.filter((r) => r.submittedOn !== null && r.submittedOn <= ctx.asOf);
    const counted = submitted.filter((r) => withinMonths(r.submittedOn!, p.withinMonths, ctx.asOf));
    const waiting = ofKind.length - submitted.length;
    const what = `${p.kinds ? `${p.kinds.join('/').replace(/_/g, ' ')} ` : ''}reference`;
    const within = p.withinMonths ? ` within the last ${plural(p.withinMonths, 'month')}` : '';
    const met = counted.length >= p.min;
    const gaps: string[] = [];
    if (!met) gaps.push(`${plural(p.min - counted.length, `more ${what}`, `more ${what}s`)} needed`);
    if (!met && waiting) gaps.push(`${plural(waiting, 'request')} not answered yet`);
    if (!met && submitted.length > counted.length)
      gaps.push(`${submitted.length - counted.length} older than${within.replace(' within the last', '')}`);
    return {
      met,
      reached: counted.length,
      required: p.min,
      unit: 'reference',
      message: `${plural(counted.length, `submitted ${what}`, `submitted ${what}s`)} of ${p.min}${within}${gaps.length ? `: ${gaps.join('; ')}` : ''}`,
      evidence: counted.map((r) => ({
        kind: 'reference' as const,
        id: r.id,
        note: `${r.kind.replace(/_/g, ' ')} reference, ${r.submittedOn}`,
      })),
    };
  },
};
