import { describe, expect, it } from 'vitest';
import { hotSql } from '../../../../src-server/db/events';

describe('hotSql', () => {
  it('numbers the placeholders in order for PostgreSQL and leaves SQLite text as written', () => {
    const q = hotSql('update "t" set "a" = ?, "b" = ? where "id" = ?');
    expect(q.sqlite).toBe('update "t" set "a" = ?, "b" = ? where "id" = ?');
    expect(q.postgres).toBe('update "t" set "a" = $1, "b" = $2 where "id" = $3');
  });
});
