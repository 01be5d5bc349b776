#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { openStore } from './runtime.js';
import { ConfigError, loadConfig } from './config.js';
import { generateToken, registerClient } from './auth/credentials.js';

const USAGE = `Usage: pnpm admin clients <command>

  clients create --name NAME   create a client; its three-part token is the last line printed
  clients list                 list clients (id, name, status, created)
  clients disable ID           disable a client (its requests get 403)
  clients enable ID            enable it again

Uses the server's store: SPIDERIQ_DATABASE_URL (PostgreSQL) or SPIDERIQ_DATA_DIR (SQLite, default ./data).`;

/** `pnpm admin`: client management on the server's data folder. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const [group, command, arg] = positionals;
  if (values.help || group !== 'clients' || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const store = await openStore(config);
  try {
    switch (command) {
      case 'create': {
        const name = values.name?.trim();
        if (!name) {
          process.stderr.write('clients create needs --name NAME\n');
          return 2;
        }
        const token = generateToken();
        await registerClient(store, name, token, new Date());
        process.stdout.write(`Created client ${token.clientId} (${name}). Its token is shown once:\n${token.token}\n`);
        return 0;
      }
      case 'list': {
        const clients = await store.listClients();
        if (!clients.length) process.stdout.write('No clients.\n');
        for (const c of clients) process.stdout.write(`${c.id}\t${c.name}\t${c.disabled ? 'disabled' : 'active'}\t${c.createdAt}\n`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        if (!arg) {
          process.stderr.write(`clients ${command} needs a client id\n`);
          return 2;
        }
        if (!(await store.setClientDisabled(arg, command === 'disable'))) {
          process.stderr.write(`No client ${arg}\n`);
          return 4;
        }
        process.stdout.write(`Client ${arg} ${command}d.\n`);
        return 0;
      }
      default:
        process.stdout.write(`${USAGE}\n`);
        return 2;
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2).filter((a) => a !== '--')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
