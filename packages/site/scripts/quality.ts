/**
 * Prints precision and recall per contact field over every fixture site of @spideriq/testkit (tooling/testkit/sites),
 * straight from the files (no network, no browser). Run: pnpm --filter @spideriq/site quality
 */
import { formatQualityReport, scoreFixtureSites } from '../test/fixtures/quality.js';

const report = scoreFixtureSites();
process.stdout.write(`${formatQualityReport(report)}\n`);
