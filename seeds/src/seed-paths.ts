import { join, sep } from 'node:path';

// seeds/src when run from source (tests), dist/seeds/src when compiled.
const PROJECT_ROOT = __dirname.includes(`${sep}dist${sep}`) ? join(__dirname, '..', '..', '..') : join(__dirname, '..', '..');

export const SEED_DATA_DIR = join(PROJECT_ROOT, 'seeds', 'data');
