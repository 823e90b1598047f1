import { type EntityManager, IsNull } from 'typeorm';
import { OutcomeMeasure } from '../measures/outcome-measure.entity';
import { type CaseContent, caseContent, contentHash } from './content-hash';
import { CaseSignoff } from './case-signoff.entity';
import type { SupervisedCase } from './supervised-case.entity';
import { TherapySession } from './therapy-session.entity';

export interface LoadedCase {
  c: SupervisedCase;
  sessions: TherapySession[];
  measures: OutcomeMeasure[];
  signoff: CaseSignoff | null;
  content: CaseContent;
  hash: string;
}

/** Everything the case response and the sign-off need, read through the given manager (inside a transaction: its em). */
export async function loadCaseContent(em: EntityManager, c: SupervisedCase): Promise<LoadedCase> {
  // sequential: inside a transaction all three share one connection (pg deprecates concurrent queries on a client)
  const sessions = await em.find(TherapySession, { where: { caseId: c.id }, order: { number: 'ASC' } });
  const measures = await em.find(OutcomeMeasure, { where: { caseId: c.id }, order: { administeredOn: 'ASC', createdAt: 'ASC' } });
  const signoff = await em.findOneBy(CaseSignoff, { caseId: c.id, voidedAt: IsNull() });
  const content = caseContent(c, sessions, measures);
  return { c, sessions, measures, signoff, content, hash: contentHash(content) };
}
