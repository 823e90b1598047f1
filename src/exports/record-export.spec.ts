import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_EXPORT_SCHEMA, toOpenApi30 } from './record-export';

const FILE = join(process.cwd(), 'docs/schemas/record-export.schema.json');

describe("the record export's documented schema", () => {
  it('is the committed JSON Schema file (regenerate with UPDATE_RECORD_EXPORT_SCHEMA=1)', () => {
    const text = `${JSON.stringify(RECORD_EXPORT_SCHEMA, null, 2)}\n`;
    if (process.env.UPDATE_RECORD_EXPORT_SCHEMA === '1') writeFileSync(FILE, text);
    expect(readFileSync(FILE, 'utf8')).toBe(text);
  });

  it('reads in OpenAPI 3.0 as nullable fields and an enum in place of const', () => {
    expect(
      toOpenApi30({ $schema: 'x', type: 'object', properties: { a: { type: ['string', 'null'], format: 'date' }, f: { const: 'v1' } } }),
    ).toEqual({
      type: 'object',
      properties: { a: { type: 'string', format: 'date', nullable: true }, f: { enum: ['v1'] } },
    });
  });
});
