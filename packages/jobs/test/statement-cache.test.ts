import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from '../src/sqlite/statement-cache.js';

function counted(): { raw: Database.Database; prepared: () => number } {
  const raw = new Database(':memory:');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  let prepared = 0;
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((sql: string) => {
    prepared++;
    return prepare(sql);
  }) as typeof raw.prepare;
  return { raw, prepared: () => prepared };
}

describe('the SQLite statement cache', () => {
  it('prepares each SQL text once, and the statements still run with new parameters', () => {
    const { raw, prepared } = counted();
    const db = cachingStatements(raw);
    for (let i = 1; i <= 50; i++) db.prepare('INSERT INTO t (id, v) VALUES (?, ?)').run([i, `v${i}`]);
    const rows = db.prepare('SELECT v FROM t WHERE id = ?').all([7]);
    expect(db.prepare('SELECT v FROM t WHERE id = ?').all([8])).toEqual([{ v: 'v8' }]);
    expect(rows).toEqual([{ v: 'v7' }]);
    expect(prepared()).toBe(2);
  });

  it('gives a query of its own while the cached statement is being iterated', () => {
    const { raw, prepared } = counted();
    const db = cachingStatements(raw);
    raw.exec("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b')");
    const sql = 'SELECT v FROM t ORDER BY id';
    const outer = db.prepare(sql).iterate([]);
    const first = outer.next().value as { v: string };
    expect(db.prepare(sql).all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect([first, outer.next().value]).toEqual([{ v: 'a' }, { v: 'b' }]);
    outer.return?.();
    expect(prepared()).toBe(2);
    db.prepare(sql).all([]);
    expect(prepared()).toBe(2);
  });

  it('keeps the latest texts up to its limit, and closing it closes the database', () => {
    const { raw, prepared } = counted();
    const db = cachingStatements(raw, 2);
    const query = (n: number) => db.prepare(`SELECT ${n} AS n`).all([]);
    query(1);
    query(2);
    query(3); // drops 1
    query(2);
    expect(prepared()).toBe(3);
    query(1);
    expect(prepared()).toBe(4);
    db.close();
    expect(raw.open).toBe(false);
  });
});
