#!/usr/bin/env node
// npm run migration:generate -- <Name>
// Generates a migration from the difference between the entities and the database (after running
// the committed migrations on it), writes it to libs/core/src/database/migrations/<timestamp>-<Name>.ts
// and lists it in that folder's index.ts. Read the generated SQL before committing it.
require('./register-paths');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  process.stderr.write('Usage: npm run migration:generate -- <PascalCaseName>\n');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const folder = path.join(root, 'libs', 'core', 'src', 'database', 'migrations');
const node = [process.execPath, '-r', path.join(__dirname, 'register-paths.js')];

execFileSync(node[0], [...node.slice(1), path.join(root, 'dist/libs/core/src/database/migrate.js')], { stdio: 'inherit' });
execFileSync(
  node[0],
  [...node.slice(1), require.resolve('typeorm/cli.js'), 'migration:generate', '-d', path.join(root, 'dist/apps/api/src/data-source.js'), '--pretty', path.join(folder, name)],
  { stdio: 'inherit' },
);

const generated = fs.readdirSync(folder).filter((file) => /^\d+-[A-Za-z0-9]+\.ts$/.test(file)).sort();
const classes = generated.map((file) => {
  const match = /export class (\w+)/.exec(fs.readFileSync(path.join(folder, file), 'utf8'));
  return { file: file.replace(/\.ts$/, ''), className: match[1] };
});
const index = [
  '// Written by scripts/generate-migration.js: every committed migration, oldest first.',
  ...classes.map(({ file, className }) => `import { ${className} } from './${file}';`),
  '',
  `export const MIGRATIONS = [${classes.map(({ className }) => className).join(', ')}];`,
  '',
].join('\n');
fs.writeFileSync(path.join(folder, 'index.ts'), index);
process.stdout.write(`Listed ${classes.length} migrations in ${path.relative(root, path.join(folder, 'index.ts'))}\n`);
