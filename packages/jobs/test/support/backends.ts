import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresJobStore, SqliteJobStore } from '../../src/index.js';
import type { LeaseQueueStore } from '../../src/index.js';

/** The PostgreSQL this project's machines run (trust auth); `.ci/run` starts it when it is down. */
export const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Each backend's store, fresh for every test: a new SQLite file, or a new PostgreSQL schema. */
export const backends: [string, () => Promise<{ store: LeaseQueueStore; dispose(): Promise<void> }>][] = [
  ['SQLite', async () => ({ store: new SqliteJobStore({ path: join(mkdtempSync(join(tmpdir(), 'siq-store-')), 'db.sqlite'), maxAttempts: 3 }), dispose: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const store = new PostgresJobStore({ connectionString: PG_URL, schema, maxAttempts: 3, poolSize: 4 });
      await store.ready();
      return {
        store,
        dispose: async () => {
          const admin = new pg.Client({ connectionString: PG_URL });
          await admin.connect();
          await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
          await admin.end();
        },
      };
    },
  ],
];

