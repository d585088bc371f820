import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** `../shared` beside the checkout: real reports, pages and security lists nobody here wrote. Absent on a user's fresh clone. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared', import.meta.url));

/** Whether the shared corpus is present; tests that need it skip with this reason when it is not. */
export const SHARED_AVAILABLE = existsSync(join(SHARED_DIR, 'samples'));
export const SHARED_MISSING_REASON = `../shared is absent (looked in ${SHARED_DIR}): corpus tests skipped`;

/** Path of a file under `../shared`. */
export const sharedPath = (...parts: string[]) => join(SHARED_DIR, ...parts);
