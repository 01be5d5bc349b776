import { access, constants } from 'node:fs/promises';

/** Debian's `chromium` package puts the browser here; playwright never downloads one. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** True when an executable exists at `path` (a cheap check before trying to launch). */
export async function isExecutable(path: string | null): Promise<boolean> {
  if (!path) return false;
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
