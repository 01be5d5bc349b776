import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { AbortedError, AuthError, JobFailedError, JobNotFoundError, RateLimitedError, SpiderIQError, StreamError, TimeoutError, ValidationError } from '@spideriq/client';
import { CliError } from '../src/cli-error.ts';
import { ExitCode, exitCodeFor } from '../src/exit-codes.ts';

describe('exitCodeFor', () => {
  it.each<[string, unknown, number]>([
    ['422', new ValidationError([{ loc: ['body', 'payload', 'url'], msg: 'Invalid URL', type: 'invalid_format' }]), 2],
    ['a bad flag', new CommanderError(1, 'commander.unknownOption', 'unknown option'), 2],
    ['--help', new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), 0],
    ['a usage CliError', new CliError('usage', 'bad'), 2],
    ['a broken config file', new CliError('config', 'bad'), 2],
    ['401', new AuthError(401, 'Invalid API credentials'), 3],
    ['403', new AuthError(403, 'Client account is inactive'), 3],
    ['no token', new CliError('auth', 'No API token'), 3],
    ['404 on a job', new JobNotFoundError('x', null), 4],
    ['404 on a route', new SpiderIQError('Not found', 'not_found', { status: 404 }), 4],
    ['410', new JobFailedError('x', null, 'boom'), 5],
    ['429', new RateLimitedError(1000, null), 6],
    ['timeout', new TimeoutError(500), 7],
    ['Ctrl-C', new AbortedError(null), 130],
    ['500', new SpiderIQError('Internal error', 'http', { status: 500 }), 1],
    ['network', new SpiderIQError('Network error', 'network'), 1],
    ['a broken stream', new StreamError('broke'), 1],
    ['a write failure', new CliError('io', 'disk full'), 1],
    ['a plain Error', new Error('bug'), 1],
  ])('%s', (_name, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('keeps the documented numbers', () => {
    expect(ExitCode).toEqual({ ok: 0, error: 1, usage: 2, auth: 3, notFound: 4, jobFailed: 5, rateLimited: 6, timeout: 7, interrupted: 130 });
  });
});
