// Written by scripts/generate-migration.js: every committed migration, oldest first.
import { Foundation1795439017494 } from './1795439017494-Foundation';

export const MIGRATIONS = [Foundation1795439017494];
