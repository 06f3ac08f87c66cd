import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActionError,
  appendSummary,
  type EventContext,
  InputError,
  Inputs,
  info,
  readContext,
  setOutput,
} from '@mlops-actions/core';

const BACKENDS = ['docker', 'buildx', 'buildah', 'podman'] as const;
const TAG_KINDS = ['sha', 'short-sha', 'branch', 'latest'] as const;

/** Every input of action.yml, read once. */
export interface BentomlInputs {
  models: string[];
  overwrite: boolean;
  buildContext: string;
  bentofile: string;
  images: string[];
  tags: string[];
  generatedTags: (typeof TAG_KINDS)[number][];
  backend: (typeof BACKENDS)[number];
  platform: string | undefined;
  push: boolean;
  registry: string | undefined;
  username: string | undefined;
  password: string | undefined;
  pushAttempts: number;
  bentomlVersion: string;
  workspace: string;
}

/** readGeneratedTags reads `generated-tags`: kinds from TAG_KINDS, or "none". */
function readGeneratedTags(inputs: Inputs): BentomlInputs['generatedTags'] {
  const kinds = inputs.list('generated-tags', { comma: true });
  if (kinds.length === 1 && kinds[0] === 'none') return [];
  for (const kind of kinds) {
    if (!(TAG_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(
        'generated-tags',
        `has '${kind}', which is not a kind of generated tag`,
        `Use some of: ${TAG_KINDS.join(', ')}; or none.`,
      );
    }
  }
  return kinds as BentomlInputs['generatedTags'];
}

/** readInputs reads and checks the inputs before anything heavy is loaded. */
export function readInputs(inputs: Inputs = new Inputs()): BentomlInputs {
  const buildContext = inputs.path('build-context', '.');
  const read: BentomlInputs = {
    models: inputs.paths('model'),
    overwrite: inputs.boolean('overwrite'),
    buildContext,
    bentofile: inputs.optional('bentofile')
      ? inputs.path('bentofile')
      : join(buildContext, 'bentofile.yaml'),
    images: inputs.list('images'),
    tags: inputs.list('tags', { comma: true }),
    generatedTags: readGeneratedTags(inputs),
    backend: inputs.oneOf('backend', BACKENDS, 'docker'),
    platform: inputs.optional('platform'),
    push: inputs.boolean('push', true),
    registry: inputs.optional('registry'),
    username: inputs.optional('username'),
    password: inputs.secret('password') || undefined,
    pushAttempts: inputs.integer('push-attempts', 4, 1, 20),
    bentomlVersion: inputs.string('bentoml-version'),
    workspace: inputs.workspace,
  };
  if (read.password && !read.username) {
    throw new InputError(
      'username',
      'is empty, but a password is set',
      'Set username too, or leave password empty to push with the credentials already on the runner.',
    );
  }
  if (read.username && !read.password) {
    throw new InputError(
      'password',
      'is empty, but a username is set',
      'Pass the password or token, for example from secrets.',
    );
  }
  if (read.username && !read.registry && read.images.length === 0) {
    throw new InputError(
      'registry',
      'is empty and there are no images to take it from',
      'Set registry, or list images.',
    );
  }
  if (read.platform && !/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/.test(read.platform)) {
    throw new InputError(
      'platform',
      `is '${read.platform}', which is not an os/arch[/variant] platform`,
      'Set one platform such as linux/amd64 or linux/arm64, or leave it empty.',
    );
  }
  if (read.registry && !/^[\w.-]+(?::\d+)?$/.test(read.registry)) {
    throw new InputError(
      'registry',
      `is '${read.registry}', which is not a registry host[:port]`,
      'Write the host alone, such as ghcr.io or registry.example.com:5000 (no https:// and no path).',
    );
  }
  if (!existsSync(read.buildContext) || !statSync(read.buildContext).isDirectory()) {
    const shown = read.buildContext.startsWith(`${read.workspace}/`)
      ? read.buildContext.slice(read.workspace.length + 1)
      : read.buildContext;
    throw new InputError(
      'build-context',
      `is '${shown}', which is not a folder`,
      "Check out the repository first, or set 'build-context' to the folder that holds the service's code.",
    );
  }
  // The cheapest check first: without a bentofile nothing can be built.
  if (!existsSync(read.bentofile)) {
    const shown = read.bentofile.startsWith(`${read.workspace}/`)
      ? read.bentofile.slice(read.workspace.length + 1)
      : read.bentofile;
    throw new ActionError(`the bentofile '${shown}' does not exist`, {
      hint: "Check out the repository first, or set 'build-context' or 'bentofile' to where bentofile.yaml is",
    });
  }
  return read;
}

/** bentomlStep validates every image reference, runs the pipeline, and writes outputs and summary. */
export async function bentomlStep(inputs: BentomlInputs, context: EventContext): Promise<void> {
  const bentoml = await import('@mlops-actions/core/bentoml');
  const repositories = inputs.images.map((image) => bentoml.normalizeRepository('images', image));
  const generated = bentoml.generatedTags(inputs.generatedTags, {
    headSha: context.headSha,
    branch: context.branch,
    defaultBranch: context.defaultBranch,
    isPullRequest: context.pullRequest !== undefined,
  });
  // Every reference is checked here, before any model is imported or anything is built.
  const plan = bentoml.planImages({ repositories, explicitTags: inputs.tags, generated });
  if (plan.references.length > 0) info(`Image references:\n${plan.references.join('\n')}`);
  const credentials =
    inputs.username && inputs.password
      ? {
          registry: (inputs.registry ?? bentoml.registryOf(repositories[0]!)).toLowerCase(),
          username: inputs.username,
          password: inputs.password,
        }
      : undefined;
  const result = await bentoml.runBentoPipeline({
    models: inputs.models,
    overwrite: inputs.overwrite,
    buildContext: inputs.buildContext,
    bentofile: inputs.bentofile,
    plan,
    backend: inputs.backend,
    platform: inputs.platform,
    push: inputs.push,
    credentials,
    bentomlVersion: inputs.bentomlVersion,
    workspace: inputs.workspace,
    retry: { ...bentoml.DEFAULT_RETRY, attempts: inputs.pushAttempts },
  });
  setOutput('bento-tag', result.bentoTag);
  setOutput('image', result.references[0] ?? '');
  setOutput('tags', result.references.join('\n'));
  setOutput('digest', result.pushed[0]?.digest ?? '');
  appendSummary(bentoml.summaryMarkdown(result));
}

/** main is the action's main step. */
export async function main(): Promise<void> {
  const inputs = readInputs();
  await bentomlStep(inputs, readContext());
}
