import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite connection as Kysely sees it, with each distinct SQL text prepared once. Kysely's SQLite
 * driver prepares every query it runs; preparing costs more than running the point reads and writes a
 * job makes (in the embedded `bench:queue` profile, `prepare` was 11% of the process's CPU). Kysely
 * binds values as parameters, so the texts are the query shapes; the cache keeps the latest `limit` of
 * them. A statement still being iterated (a streamed query) is busy, so that query gets one of its own.
 */
export function cachingStatements(raw: Database.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = raw.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}
