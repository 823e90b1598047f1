import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset cursors', () => {
  it('round-trip the key of the last row', () => {
    expect(decodeCursor(encodeCursor(['a@b.org', 'id-1']), 2)).toEqual(['a@b.org', 'id-1']);
  });
  it('refuse a tampered or wrong-shaped cursor with a 400', () => {
    expect(() => decodeCursor('not-base64-json', 2)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['only-one']), 2)).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(/cursor/);
  });
  it('give a next cursor only when there is another page', () => {
    const rows = [1, 2, 3];
    expect(
      toPage(
        rows,
        2,
        (r) => [r],
        (r) => r,
      ),
    ).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(
      toPage(
        rows,
        3,
        (r) => [r],
        (r) => r,
      ),
    ).toEqual({ items: [1, 2, 3], nextCursor: null });
  });
});
