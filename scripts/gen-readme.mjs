// Regenerates the inputs and outputs tables of each actions/<name>/README.md from its action.yml,
// between <!-- action-docs:start --> and <!-- action-docs:end -->. With --check, changes nothing
// and exits 1 when a table is stale, so CI catches a README that no longer matches action.yml.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const START = '<!-- action-docs:start (generated from action.yml by npm run docs) -->';
const END = '<!-- action-docs:end -->';

const cell = (text) =>
  String(text ?? '')
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\r?\n+/g, ' ');

/** render builds the Markdown tables for one action.yml. */
export function render(action) {
  const lines = [
    '### Inputs',
    '',
    '| name | description | required | default |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const def = spec.default === undefined ? '' : `\`${cell(spec.default)}\``;
    lines.push(
      `| \`${name}\` | ${cell(spec.description)} | ${spec.required ? 'yes' : 'no'} | ${def} |`,
    );
  }
  lines.push('', '### Outputs', '', '| name | description |', '| --- | --- |');
  for (const [name, spec] of Object.entries(action.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
  }
  return lines.join('\n');
}

let stale = 0;
const actionsDir = join(root, 'actions');
for (const name of existsSync(actionsDir) ? readdirSync(actionsDir).sort() : []) {
  const yml = join(actionsDir, name, 'action.yml');
  if (!existsSync(yml)) continue;
  const action = parse(readFileSync(yml, 'utf8'));
  const readme = join(actionsDir, name, 'README.md');
  const block = `${START}\n${render(action)}\n${END}`;
  const current = existsSync(readme)
    ? readFileSync(readme, 'utf8')
    : `# ${action.name}\n\n${action.description}\n\n## Usage\n\n${block}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Inputs and outputs\n\n${block}\n`;
  if (next === current && existsSync(readme)) continue;
  stale++;
  if (check) console.error(`actions/${name}/README.md is stale: run 'npm run docs' and commit it.`);
  else writeFileSync(readme, next);
}
if (check && stale) process.exit(1);
if (!check) console.log(`action READMEs: ${stale} updated`);
