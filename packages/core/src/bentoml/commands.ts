// The argv of every BentoML and container-tool command the bentoml action runs. Pure, so the
// exact commands are tested without the tools, and the adapters only run what these return.

/** The image builders `bentoml containerize --backend` accepts that this action can also push with. */
export const BACKENDS = ['docker', 'buildx', 'buildah', 'podman'] as const;
/** One image builder. */
export type Backend = (typeof BACKENDS)[number];

/** A command to run: the program and its arguments. */
export interface Command {
  command: string;
  args: string[];
}

/** backendTool is the program a backend builds, logs in and pushes with. */
export function backendTool(backend: Backend): string {
  return backend === 'buildx' ? 'docker' : backend;
}

/** backendInstallHint says how to get a missing backend onto the runner. */
export function backendInstallHint(backend: Backend): string {
  switch (backend) {
    case 'docker':
      return 'Run on a runner with Docker (GitHub-hosted Ubuntu runners have it), install Docker Engine on the self-hosted runner, or set backend: buildah or podman';
    case 'buildx':
      return 'Add docker/setup-buildx-action before this step, or set backend: docker';
    case 'buildah':
      return 'Install buildah on the runner (Debian and Ubuntu: apt-get install buildah)';
    case 'podman':
      return 'Install podman on the runner (Debian and Ubuntu: apt-get install podman)';
  }
}

/** modelsImportArgs imports one model archive into the BentoML store (the path must be absolute). */
export function modelsImportArgs(archive: string): string[] {
  return ['models', 'import', archive];
}

/** modelsGetArgs prints one model's details as JSON. */
export function modelsGetArgs(tag: string): string[] {
  return ['models', 'get', tag, '--output', 'json'];
}

/** modelsListArgs lists the models in the store as JSON. */
export function modelsListArgs(): string[] {
  return ['models', 'list', '--output', 'json'];
}

/** modelsDeleteArgs deletes one model from the store without asking. */
export function modelsDeleteArgs(tag: string): string[] {
  return ['models', 'delete', tag, '--yes'];
}

/** deleteBentosArgs deletes Bentos from the store without asking. */
export function deleteBentosArgs(tags: readonly string[]): string[] {
  return ['delete', ...tags, '--yes'];
}

/** buildArgs builds a Bento and prints only its tag (`__tag__:name:version`). */
export function buildArgs(bentofile: string, context: string): string[] {
  return ['build', '--bentofile', bentofile, '--output', 'tag', context];
}

/** containerizeArgs builds the Bento's image with every reference as a tag. */
export function containerizeArgs(options: {
  bentoTag: string;
  backend: Backend;
  references: readonly string[];
  platform?: string | undefined;
}): string[] {
  return [
    'containerize',
    options.bentoTag,
    '--backend',
    options.backend,
    ...options.references.flatMap((r) => ['--image-tag', r]),
    ...(options.platform ? ['--platform', options.platform] : []),
  ];
}

/**
 * pushCommand pushes one reference. buildah and podman write the pushed digest to `digestFile`;
 * buildah's own retries are turned off so the action's retry (with its log lines) is the only one.
 */
export function pushCommand(backend: Backend, reference: string, digestFile: string): Command {
  switch (backend) {
    case 'buildah':
      return {
        command: 'buildah',
        args: [
          'push',
          '--retry',
          '0',
          '--digestfile',
          digestFile,
          reference,
          `docker://${reference}`,
        ],
      };
    case 'podman':
      return {
        command: 'podman',
        args: ['push', '--digestfile', digestFile, reference, `docker://${reference}`],
      };
    default:
      return { command: 'docker', args: ['push', reference] };
  }
}

/** loginCommand logs in to a registry; the password goes on stdin, never into argv. */
export function loginCommand(backend: Backend, registry: string, username: string): Command {
  return {
    command: backendTool(backend),
    args: ['login', '--username', username, '--password-stdin', registry],
  };
}

/** logoutCommand removes the credentials loginCommand stored. */
export function logoutCommand(backend: Backend, registry: string): Command {
  return { command: backendTool(backend), args: ['logout', registry] };
}
