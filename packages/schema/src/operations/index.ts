export { defineOperation, routePath, OPERATION_TAGS } from './operation.js';
export type { Operation, OperationAuth, OperationInput, OperationResponse, OperationTag, MediaKind, HttpMethod, DocumentedStatus, SharedResponseName } from './operation.js';
export { operations, JobPathSchema } from './table.js';
export type { OperationId } from './table.js';
