import type { Selectable } from 'kysely';
import type { ClientRecord, JobRecord, StoredProgress } from '../records.js';
import type { ClientsTable, JobsTable } from './tables.js';

/** A selected `jobs` row, as either driver returns it. */
export type JobRow = Selectable<JobsTable>;

const iso = (value: string | Date): string => (typeof value === 'string' ? value : value.toISOString());
const isoOrNull = (value: string | Date | null): string | null => (value === null ? null : iso(value));
/** SQLite returns JSON columns as text, PostgreSQL's jsonb as parsed values. */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Maps a row; the payload and result JSON are parsed only when read (the results route splices the text). */
export function toJob(row: JobRow): JobRecord {
  let payload: unknown;
  let result: unknown;
  return {
    id: row.id,
    clientId: row.client_id,
    type: row.type,
    status: row.status,
    priority: row.priority,
    get payload(): unknown {
      return (payload ??= json(row.payload));
    },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    startedAt: isoOrNull(row.started_at),
    completedAt: isoOrNull(row.completed_at),
    workerId: row.worker_id,
    attempts: row.attempts,
    get result(): unknown {
      return row.result === null ? null : (result ??= JSON.parse(row.result));
    },
    resultJson: row.result,
    errorMessage: row.error_message,
    errorCode: row.error_code ?? null,
    progress: row.progress === null ? null : (json(row.progress) as StoredProgress),
  };
}

/** Maps a `clients` row (`disabled` is 0/1 in SQLite). */
export function toClient(row: Selectable<ClientsTable>): ClientRecord {
  return {
    id: row.id,
    name: row.name,
    keyHash: row.key_hash,
    secretHash: row.secret_hash,
    disabled: row.disabled === true || row.disabled === 1,
    createdAt: iso(row.created_at),
  };
}
