import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

/** Where the CLI talks to when nothing else is said: the server's default `pnpm start` address. */
export const DEFAULT_API_URL = 'http://127.0.0.1:8080';

/** The environment variables the CLI reads, all in one place (read once, in main.ts, and passed down). */
export interface CliEnv {
  /** Server origin; overridden by `--api-url`. */
  SPIDERIQ_API_URL?: string | undefined;
  /** API token; overridden by `--token`. */
  SPIDERIQ_TOKEN?: string | undefined;
  /** Path of the config file (tests and several profiles); wins over the XDG location. */
  SPIDERIQ_CONFIG?: string | undefined;
  /** Base directory of user config files (XDG Base Directory spec). */
  XDG_CONFIG_HOME?: string | undefined;
  /** Set to anything to turn off the live spinner (https://no-color.org). */
  NO_COLOR?: string | undefined;
  /** `dumb` terminals get plain progress lines. */
  TERM?: string | undefined;
}

/** What `spideriq login` stores: snake_case like the API, so the file reads the same as the docs. */
export interface StoredConfig {
  /** The server origin the token belongs to. */
  api_url?: string;
  /** The three-part API token. */
  token?: string;
}

/** The connection flags as parsed from argv. */
export interface ConnectionFlags {
  /** `--api-url`. */
  apiUrl?: string | undefined;
  /** `--token`. */
  token?: string | undefined;
}

/** Where a resolved value came from, so error messages can name the right place to fix it. */
export type SettingSource = 'flag' | 'env' | 'config' | 'default' | 'none';

/** The server and token a command uses, after flags, environment and config file were weighed. */
export interface Connection {
  /** Server origin without a trailing slash. */
  apiUrl: string;
  /** The token, or null when none was given anywhere. */
  token: string | null;
  /** Where `apiUrl` came from. */
  apiUrlSource: SettingSource;
  /** Where `token` came from. */
  tokenSource: SettingSource;
  /** The config file that was consulted (it may not exist). */
  configPath: string;
}

/**
 * The config file location: `$SPIDERIQ_CONFIG`, else `$XDG_CONFIG_HOME/spideriq/config.json`,
 * else `~/.config/spideriq/config.json` (the XDG default).
 */
export function configFilePath(env: CliEnv, homedir: string): string {
  if (nonEmpty(env.SPIDERIQ_CONFIG)) return env.SPIDERIQ_CONFIG;
  const base = nonEmpty(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir, '.config');
  return join(base, 'spideriq', 'config.json');
}

/**
 * Weighs the three sources for each setting: flag, then environment, then config file, then the
 * default. Pure, so the order is tested without touching the disk.
 */
export function resolveConnection(flags: ConnectionFlags, env: CliEnv, stored: StoredConfig, configPath: string): Connection {
  const url = pick([
    [flags.apiUrl, 'flag', '--api-url'],
    [env.SPIDERIQ_API_URL, 'env', 'SPIDERIQ_API_URL'],
    [stored.api_url, 'config', configPath],
  ]);
  const token = pick([
    [flags.token, 'flag', '--token'],
    [env.SPIDERIQ_TOKEN, 'env', 'SPIDERIQ_TOKEN'],
    [stored.token, 'config', configPath],
  ]);
  const apiUrl = url === null ? DEFAULT_API_URL : checkApiUrl(url.value, url.label);
  return {
    apiUrl,
    token: token?.value ?? null,
    apiUrlSource: url?.source ?? 'default',
    tokenSource: token?.source ?? 'none',
    configPath,
  };
}

/** Resolves the connection, reading the config file written by `spideriq login` if it exists. */
export async function loadConnection(flags: ConnectionFlags, env: CliEnv, homedir: string): Promise<Connection> {
  const path = configFilePath(env, homedir);
  return resolveConnection(flags, env, await readConfigFile(path), path);
}

/** Reads the config file; a missing file is an empty config, a broken one is an error naming the file. */
export async function readConfigFile(path: string): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return {};
    throw new CliError('config', `Cannot read the config file ${path}: ${String(error)}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError('config', `The config file ${path} is not valid JSON; fix it or run \`spideriq login\` again`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError('config', `The config file ${path} must hold a JSON object`);
  }
  const record = parsed as Record<string, unknown>;
  const config: StoredConfig = {};
  if (typeof record['api_url'] === 'string') config.api_url = record['api_url'];
  if (typeof record['token'] === 'string') config.token = record['token'];
  return config;
}

/**
 * Writes the config file readable by its owner only (0600): it holds a secret. The folder is created
 * 0700; an existing file is narrowed to 0600 too, since `writeFile`'s mode applies only on creation.
 */
export async function writeConfigFile(path: string, config: StoredConfig): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

/** Checks an API URL and drops trailing slashes, naming where the bad value came from. */
export function checkApiUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError('usage', `${source}: "${value}" is not a URL (expected something like ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError('usage', `${source}: "${value}" must be an http:// or https:// URL`);
  }
  return value.replace(/\/+$/, '');
}

type Candidate = readonly [value: string | undefined, source: SettingSource, label: string];

function pick(candidates: readonly Candidate[]): { value: string; source: SettingSource; label: string } | null {
  for (const [value, source, label] of candidates) {
    if (nonEmpty(value)) return { value: value.trim(), source, label };
  }
  return null;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
