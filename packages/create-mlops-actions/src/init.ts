// init: read the repository, ask only what it cannot find, write the two workflows, lint them,
// and say which secrets and variables to set.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Direction, directionOf } from './better.ts';
import { detectProject, findDvcProjects, InitError, type Project } from './detect.ts';
import { type Choices, publishAndDeploy, settings, trainAndReport } from './workflows.ts';

/** Asks one question; returns the answer, or the default for an empty one. */
export type Ask = (question: string, fallback: string, choices?: string[]) => Promise<string>;

/** Where init reads and writes. */
export interface InitIO {
  cwd: string;
  out: (line: string) => void;
  /** Set when questions can be asked (a TTY on stdin and no --yes). */
  ask: Ask | undefined;
  /** PATH to look for actionlint in (default process.env.PATH). */
  path?: string;
}

export const USAGE = `Usage: npm create mlops-actions [-- options]   (or: npx create-mlops-actions init [options])

Run at the root of your repository. Reads dvc.yaml, .dvc/config, params.yaml, bentofile.yaml and
kubernetes/, asks what it cannot find, and writes .github/workflows/train-and-report.yml and
.github/workflows/publish-and-deploy.yml.

Options:
  --owner <name>        GitHub owner of the mlops-actions repository to use (default: from the git remote)
  --ref <ref>           version of the actions (default: v1)
  --branch <name>       branch pull requests target and deployments run from (default: main)
  --project <folder>    the DVC project folder, when there are several
  --runner <labels>     runs-on of the training job, comma-separated (default: ubuntu-latest)
  --python <version>    Python version for the jobs (default: .python-version, bentofile, or 3.11)
  --metric <name=dir>   direction of a metric, higher or lower (repeatable)
  --model <path>        BentoML model archive to import before building (repeatable)
  --container <name>    container of the manifests that runs the image
  --no-deploy           write no Kubernetes rollout
  --force               overwrite existing workflow files
  -y, --yes             ask nothing: take every default
  -h, --help            this help`;

const SAFE = /^[^\s$`'"\\{}]+$/;

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        owner: { type: 'string' },
        ref: { type: 'string' },
        branch: { type: 'string' },
        project: { type: 'string' },
        runner: { type: 'string' },
        python: { type: 'string' },
        metric: { type: 'string', multiple: true },
        model: { type: 'string', multiple: true },
        container: { type: 'string' },
        'no-deploy': { type: 'boolean' },
        force: { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's messages go on with advice about '--' that does not apply here: keep the first sentence.
    const first = (error as Error).message.split(/\.\s|\n/)[0]!.replace(/\.$/, '');
    throw new InitError(
      `${first.charAt(0).toLowerCase()}${first.slice(1)}: run with --help to see the options`,
    );
  }
}

function checked(
  flag: string,
  value: string | undefined,
  pattern: RegExp = SAFE,
): string | undefined {
  if (value === undefined) return undefined;
  if (!value || !pattern.test(value))
    throw new InitError(
      `--${flag} '${value}' is not valid: give a plain name without spaces, quotes or \${{ }}`,
    );
  return value;
}

/** onPath finds an executable on PATH. */
function onPath(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

async function pick(
  io: InitIO,
  question: string,
  fallback: string,
  choices?: string[],
): Promise<string> {
  return io.ask ? io.ask(question, fallback, choices) : fallback;
}

/** What init wrote and found, for the caller and the tests. */
export interface InitResult {
  written: string[];
  project: Project;
  choices: Choices;
  notes: string[];
}

/** init runs the command; it throws InitError (one line) for anything the user must fix. */
export async function init(argv: string[], io: InitIO): Promise<InitResult | undefined> {
  const { values, positionals } = options(argv);
  if (values.help) {
    io.out(USAGE);
    return undefined;
  }
  const extra = positionals.filter((p, i) => !(i === 0 && p === 'init'));
  if (extra.length)
    throw new InitError(`unexpected argument '${extra[0]}': run with --help to see the options`);
  const notes: string[] = [];

  // The DVC project: the one given, else the only one found.
  let dir = checked('project', values.project)
    ?.replace(/\/+$/, '')
    .replace(/^\.\/?/, '');
  if (dir === undefined) {
    const found = findDvcProjects(io.cwd);
    if (!found.length)
      throw new InitError(
        'no dvc.yaml here or in the folders below: run init at the root of a repository with a DVC pipeline, or pass --project <folder>',
      );
    if (found.length > 1 && !io.ask)
      throw new InitError(
        `several DVC projects found (${found.map((f) => f || '.').join(', ')}): pass --project <folder>`,
      );
    dir = found.length > 1 ? await pick(io, 'Which DVC project?', found[0]!, found) : found[0]!;
  }
  const project = detectProject(io.cwd, dir === '.' ? '' : dir);

  const owner =
    checked('owner', values.owner, /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/) ??
    project.githubOwner ??
    (io.ask
      ? await io.ask('GitHub owner of the mlops-actions repository to use', 'OWNER')
      : undefined);
  if (!owner || !/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(owner))
    throw new InitError(
      `cannot tell which GitHub owner's mlops-actions to use${owner ? ` ('${owner}' is not a GitHub owner)` : ' (no github.com remote)'}: pass --owner <name>`,
    );

  const directions = new Map<string, Direction>();
  for (const entry of values.metric ?? []) {
    const match = /^([^=:\s]+)\s*[=:]\s*(higher|lower)$/.exec(entry);
    if (!match) throw new InitError(`--metric '${entry}' is not name=higher or name=lower`);
    directions.set(match[1]!, match[2] as Direction);
  }
  const names = project.metrics.map((m) => m.name);
  const better: Choices['better'] = [];
  for (const metric of project.metrics) {
    const shared = names.filter((n) => n === metric.name).length > 1;
    const name = shared ? `${metric.file}:${metric.name}` : metric.name;
    let direction = directions.get(name) ?? directions.get(metric.name) ?? directionOf(metric.name);
    if (!direction && io.ask) {
      const answer = await io.ask(
        `Should '${metric.name}' (${metric.file}) go higher or lower?`,
        'skip',
        ['higher', 'lower', 'skip'],
      );
      if (answer === 'higher' || answer === 'lower') direction = answer;
    }
    if (direction) better.push({ name, direction });
    else
      notes.push(
        `metric '${metric.name}': direction unknown, left out of metrics-better (pass --metric ${metric.name}=higher or =lower)`,
      );
  }
  for (const name of directions.keys())
    if (!project.metrics.some((m) => m.name === name || `${m.file}:${m.name}` === name)) {
      if (project.unreadMetrics.length) better.push({ name, direction: directions.get(name)! });
      else
        throw new InitError(
          `--metric '${name}': no such metric in ${project.metricsFiles.join(', ') || 'dvc.yaml'}`,
        );
    }
  for (const file of project.unreadMetrics)
    notes.push(
      `${file} does not exist yet: run the pipeline once (dvc repro), or pass --metric name=higher|lower`,
    );

  const runner = (
    values.runner ??
    (io.ask ? await io.ask('runs-on of the training job', 'ubuntu-latest') : 'ubuntu-latest')
  )
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!runner.length || runner.some((r) => !SAFE.test(r)))
    throw new InitError(
      `--runner '${values.runner ?? ''}' is not valid: give runner labels, comma-separated`,
    );

  const pythonVersion =
    checked('python', values.python, /^\d+(\.\d+){0,2}$/) ??
    project.pythonVersion ??
    (io.ask ? await io.ask('Python version for the jobs', '3.11') : '3.11');

  let models: string[] = [];
  let container: string | undefined;
  if (project.bento) {
    models = (values.model ?? []).map((m) => checked('model', m)!);
    if (!models.length) models = project.bento.models;
    if (!models.length && io.ask) {
      const answer = await io.ask(
        'BentoML model archive to import before building (empty: none)',
        '',
      );
      if (answer) models = [checked('model', answer)!];
    }
    if (!models.length)
      notes.push(
        'no BentoML model archive (*.bentomodel) among the DVC outputs: the Bento is built from the models already in its store',
      );
    if (project.kubernetes && !values['no-deploy']) {
      const found = project.kubernetes.containers;
      container = checked('container', values.container);
      if (container && found.length && !found.includes(container))
        throw new InitError(
          `--container '${container}' is not a container of ${project.kubernetes.dir} (found: ${found.join(', ')})`,
        );
      if (!container && found.length === 1) container = found[0];
      if (!container && found.length > 1) {
        if (!io.ask)
          throw new InitError(
            `the manifests in ${project.kubernetes.dir} have several containers (${found.join(', ')}): pass --container <name>`,
          );
        container = await io.ask('Which container runs the image?', found[0]!, found);
      }
      if (!container)
        notes.push(`no container found in ${project.kubernetes.dir}: no rollout step`);
    }
  } else if (project.kubernetes) {
    notes.push(
      `${project.kubernetes.dir} found but no BentoML service: no image to deploy, publish-and-deploy not written`,
    );
  }

  const choices: Choices = {
    owner,
    ref: checked('ref', values.ref) ?? 'v1',
    branch: checked('branch', values.branch) ?? 'main',
    trainRunner: runner,
    pythonVersion,
    better,
    models,
    container,
  };
  for (const path of [...project.gitOutputs, ...models])
    if (!SAFE.test(path))
      throw new InitError(`the path '${path}' has spaces, quotes or \${{: rename it`);

  const files: [string, string][] = [['train-and-report.yml', trainAndReport(project, choices)]];
  const publish = publishAndDeploy(project, choices);
  if (publish) files.push(['publish-and-deploy.yml', publish]);
  else if (!project.kubernetes)
    notes.push('no bentofile.yaml or BentoML service: publish-and-deploy not written');
  const folder = join(io.cwd, '.github', 'workflows');
  const existing = files
    .map(([name]) => join('.github', 'workflows', name))
    .filter((f) => existsSync(join(io.cwd, f)));
  if (existing.length && !values.force)
    throw new InitError(
      `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}: pass --force to overwrite, or move them away`,
    );

  if (project.remote?.scheme === 'local')
    notes.push(
      `the DVC remote '${project.remote.name}' is a local folder (${project.remote.url}): runners on GitHub cannot reach it`,
    );
  if (!project.remote)
    notes.push(
      'no DVC remote in .dvc/config: add one (dvc remote add --default) so that jobs share outputs',
    );

  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of files) {
    writeFileSync(join(folder, name), text);
    written.push(join('.github', 'workflows', name));
  }

  io.out(`DVC project: ${project.dir || '.'} (stages: ${project.stages.join(', ') || 'none'})`);
  io.out(
    `DVC remote: ${project.remote ? `${project.remote.name} (${project.remote.url})` : 'none'}`,
  );
  io.out(`metrics-better: ${better.map((b) => `${b.name}: ${b.direction}`).join(', ') || 'none'}`);
  for (const file of written) io.out(`wrote ${file}`);
  for (const note of notes) io.out(`note: ${note}`);

  const actionlint = onPath('actionlint', io.path ?? process.env['PATH'] ?? '');
  if (actionlint) {
    try {
      execFileSync(actionlint, ['-no-color', '-oneline', ...written], {
        cwd: io.cwd,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      io.out('actionlint: no problems');
    } catch (error) {
      const output = `${(error as { stdout?: string }).stdout ?? ''}`.trim();
      io.out(output);
      throw new InitError(
        'actionlint found problems in the written workflows (above): fix them by hand, or report them',
      );
    }
  } else {
    io.out('actionlint is not on PATH: the workflows were not linted');
  }

  const needed = settings(project, choices);
  if (needed.length) {
    io.out(
      '\nSet these in the repository (Settings > Secrets and variables > Actions), for example with gh:',
    );
    for (const s of needed)
      io.out(`  ${s.command.padEnd(62)} # ${s.optional ? 'optional: ' : ''}${s.why}`);
  }
  return { written, project, choices, notes };
}
