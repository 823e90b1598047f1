import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MaxDecimals } from '../../../common/decimal';
import { attended, CASE_STATUSES, describeFilter, matchCases, plural, round2, withinMonths } from '../common';
import type { RuleEvaluator } from '../rule-types';
import { caseEvidence, CaseRuleBase } from './case-rule';

export class PracticeHoursParams extends CaseRuleBase {
  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours!: number;

  // only sessions held in the last N months
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;
}

// Practice hours come from the case log (attended sessions' minutes), so nobody types them twice as an activity.
// Unlike case counts, any case status counts by default (sessions of a case that ended early were still practice);
// signed-off cases only, as everywhere, unless the filter says otherwise.
export const practiceHours: RuleEvaluator<PracticeHoursParams> = {
  params: PracticeHoursParams,
  evaluate(p, record, ctx) {
    const filter = { ...p.filter, statuses: p.filter?.statuses ?? [...CASE_STATUSES] };
    const { matched, excluded } = matchCases(record.cases, filter, record.othersLevels, ctx);
    const perCase = matched.map((c) => {
      const sessions = attended(c).filter((s) => s.date <= ctx.asOf && withinMonths(s.date, p.withinMonths, ctx.asOf));
      const minutes = sessions.reduce((sum, s) => sum + s.durationMinutes, 0);
      return { c, sessions: sessions.length, minutes, hours: round2(minutes / 60) };
    });
    const counted = perCase.filter((x) => x.sessions > 0);
    // minutes are added first and turned into hours once, so per-case rounding never loses time (3 × 50 min = 2.5 h)
    const hours = round2(counted.reduce((sum, x) => sum + x.minutes, 0) / 60);
    const sessions = counted.reduce((sum, x) => sum + x.sessions, 0);
    const gap = round2(p.minHours - hours);
    const window = p.withinMonths ? `, in the last ${plural(p.withinMonths, 'month')}` : '';
    return {
      met: hours >= p.minHours,
      reached: hours,
      required: p.minHours,
      unit: 'hours',
      message:
        `${hours} of ${p.minHours} h of practice (attended sessions of ${describeFilter(filter)} cases${window}) ` +
        `over ${plural(sessions, 'session')} in ${plural(counted.length, 'case')}` +
        (gap > 0 ? `; ${gap} h more needed` : ''),
      evidence: caseEvidence(counted.map((x) => x.c)),
      breakdown: [
        ...perCase.map((x) => ({
          id: x.c.id,
          met: x.sessions > 0,
          message: `${x.c.clientCode}: ${x.hours} h over ${plural(x.sessions, 'session')}`,
        })),
        ...excluded.map((e) => ({ id: e.id, met: false, message: `${e.clientCode}: not counted, ${e.reason}` })),
      ],
    };
  },
};
