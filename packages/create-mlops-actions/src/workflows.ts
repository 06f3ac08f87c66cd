// The two workflows init writes, on the model of examples/workflows/ of mlops-actions, tailored to
// the project found: its folder, remote credentials, metrics, committed outputs, model, manifests
// and container. Every job asks for the least permissions it needs; no event field anyone can set
// (titles, branch names) ever reaches a `run:` line.
import type { Direction } from './better.ts';
import type { Cloud, Project } from './detect.ts';

/** What init settled on, found or asked. */
export interface Choices {
  /** GitHub owner of the mlops-actions repository the `uses:` lines point at. */
  owner: string;
  /** Version of the actions (`v1`). */
  ref: string;
  /** The branch pull requests target and deployments run from. */
  branch: string;
  /** runs-on of the training job: one label or several. */
  trainRunner: string[];
  pythonVersion: string;
  better: { name: string; direction: Direction }[];
  /** BentoML model archives to import before building. */
  models: string[];
  /** Container of the manifests that runs the image; undefined: no deployment. */
  container: string | undefined;
}

/** A secret or variable the user must set, and how. */
export interface Setting {
  kind: 'secret' | 'variable';
  name: string;
  why: string;
  /** The `gh` command that sets it (values come from a file or a prompt, never the command line). */
  command: string;
  environment?: string;
  optional?: boolean;
}

const ENVIRONMENT = 'production';

/** yamlString quotes a value for YAML when it needs quotes (JSON strings are YAML strings). */
function q(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|-.*)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function uses(choices: Choices, action: string): string {
  return `${choices.owner}/mlops-actions/actions/${action}@${choices.ref}`;
}

function cloudEnv(cloud: Cloud | undefined): string[] {
  if (cloud === 'aws')
    return [
      'AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      'AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
    ];
  if (cloud === 'azure')
    return ['AZURE_STORAGE_CONNECTION_STRING: ${{ secrets.AZURE_STORAGE_CONNECTION_STRING }}'];
  return [];
}

function envBlock(cloud: Cloud | undefined, indent: string): string {
  const lines = cloudEnv(cloud);
  return lines.length ? `${indent}env:\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n` : '';
}

/**
 * Google Cloud: workload identity federation (google-github-actions/auth), so no long-lived key is
 * kept in the repository; it sets GOOGLE_APPLICATION_CREDENTIALS for DVC.
 */
function cloudSteps(cloud: Cloud | undefined): string {
  if (cloud !== 'gcp') return '';
  return `      # The DVC remote is on Google Cloud Storage: sign in as its service account, keyless.
      - name: Authenticate to Google Cloud
        uses: google-github-actions/auth@v2
        with:
          workload_identity_provider: \${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}
          service_account: \${{ vars.GCP_SERVICE_ACCOUNT }}
`;
}

/** The id-token permission line a job needs to sign in to Google Cloud, if it does. */
function idToken(cloud: Cloud | undefined): string {
  return cloud === 'gcp'
    ? '      id-token: write # only to sign in to Google Cloud (workload identity federation)\n'
    : '';
}

function pythonSteps(project: Project, choices: Choices): string {
  const install = project.requirements
    ? `      - name: Install the project's dependencies
        run: pip install --requirement ${q(project.requirements)}
`
    : `      # No requirements.txt was found: install here what the pipeline's stages import
      # (dvc-repro installs DVC itself, with the remote's extras, when it is not on PATH).
`;
  return `      - uses: actions/setup-python@v5
        with:
          python-version: ${JSON.stringify(choices.pythonVersion)}
          cache: pip
${install}`;
}

function workingDirectory(project: Project): string {
  return project.dir ? `        with:\n          working-directory: ${q(project.dir)}\n` : '';
}

function header(project: Project, what: string): string {
  const where = project.dir ? `the DVC project in ${project.dir}/` : 'the DVC project at the root';
  return `# Written by create-mlops-actions for ${where}.
# ${what}
# Re-run \`npm create mlops-actions -- --force\` after changing dvc.yaml, or edit by hand.
`;
}

/** trainAndReport is .github/workflows/train-and-report.yml. */
export function trainAndReport(project: Project, choices: Choices): string {
  const cloud = project.remote?.cloud;
  const prefix = project.dir ? `${project.dir}/` : '';
  const commitPaths = [`${prefix}dvc.lock`, ...project.gitOutputs.map((p) => `${prefix}${p}`)];
  const runner =
    choices.trainRunner.length === 1
      ? q(choices.trainRunner[0]!)
      : `[${choices.trainRunner.map(q).join(', ')}]`;
  const selfHosted = choices.trainRunner.includes('self-hosted');
  const better = choices.better.length
    ? `          metrics-better: |\n${choices.better.map((b) => `            ${b.name}: ${b.direction}`).join('\n')}\n`
    : '';
  const reportWith = [
    `          base: ${q(choices.branch)}`,
    ...(project.dir ? [`          working-directory: ${q(project.dir)}`] : []),
  ].join('\n');
  const push = project.remote
    ? `      - name: Push the outcomes to DVC remote storage
        uses: ${uses(choices, 'dvc-push')}
${workingDirectory(project)}`
    : `      # No DVC remote is configured (.dvc/config): add one with \`dvc remote add --default\`
      # and a dvc-push step here, so that the report and the deployment find the outputs.
`;
  // The report reads metrics and plots from git; it needs the remote only for DVC-cached ones.
  const reportCloud = project.reportNeedsRemote ? cloud : undefined;
  return `${header(project, 'Trains on every pull request, commits dvc.lock back to its branch, and posts one\n# sticky experiment report.')}name: train-and-report

on:
  pull_request:
    branches: [${q(choices.branch)}]

# One training per pull request at a time; a newer push cancels the older run.
concurrency:
  group: train-and-report-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

# Nothing by default; each job asks for the least it needs.
permissions: {}

jobs:
  train:
    # Pull requests from forks get no secrets and cannot push${selfHosted ? ', and must never run on a self-hosted runner' : ''}.
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ${runner}
    timeout-minutes: 60
    permissions:
      contents: write # only to commit dvc.lock back to the pull request branch
${idToken(cloud)}    outputs:
      commit-sha: \${{ steps.commit.outputs.commit-sha }}
${envBlock(cloud, '    ')}    steps:
      # The pull request branch, not the merge commit, so the committed dvc.lock belongs to it.
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.ref }}
${cloudSteps(cloud)}${pythonSteps(project, choices)}      - name: Reproduce the pipeline
        uses: ${uses(choices, 'dvc-repro')}
${workingDirectory(project)}${push}      # dvc.lock, and the outputs dvc.yaml keeps out of the DVC cache (cache: false) so git holds them.
      - name: Commit dvc.lock and the metrics to the pull request branch
        id: commit
        uses: ${uses(choices, 'commit')}
        with:
          paths: |
${commitPaths.map((p) => `            ${p}`).join('\n')}

  report:
    needs: train
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: write # only to keep the report's images on their own branch
      pull-requests: write # only for the sticky comment
${idToken(reportCloud)}${envBlock(reportCloud, '    ')}    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ needs.train.outputs.commit-sha || github.event.pull_request.head.sha }}
${cloudSteps(reportCloud)}      # No Python set-up: the report installs DVC itself only when it must fetch DVC-cached files.
      - name: Report params, metrics and plots against ${choices.branch}
        uses: ${uses(choices, 'report')}
        with:
${reportWith}
${better}`;
}

/** publishAndDeploy is .github/workflows/publish-and-deploy.yml, or undefined with no BentoML service. */
export function publishAndDeploy(project: Project, choices: Choices): string | undefined {
  if (!project.bento) return undefined;
  const cloud = project.remote?.cloud;
  const deploy = project.kubernetes && choices.container;
  const bentoWith = [
    ...(choices.models.length
      ? [
          choices.models.length === 1
            ? `          model: ${q(choices.models[0]!)}`
            : `          model: |\n${choices.models.map((m) => `            ${m}`).join('\n')}`,
        ]
      : []),
    ...(project.bento.context !== '.'
      ? [`          build-context: ${q(project.bento.context)}`]
      : []),
    ...(project.bento.bentofile &&
    project.bento.bentofile !== `${project.dir ? `${project.dir}/` : ''}bentofile.yaml`
      ? [`          bentofile: ${q(project.bento.bentofile)}`]
      : []),
    '          images: ${{ vars.IMAGE_REPOSITORY }}',
    "          backend: ${{ vars.CONTAINER_BACKEND || 'docker' }}",
    '          registry: ${{ vars.REGISTRY }}',
    "          username: ${{ secrets.REGISTRY_PASSWORD && (vars.REGISTRY_USERNAME || github.actor) || '' }}",
    '          password: ${{ secrets.REGISTRY_PASSWORD }}',
  ].join('\n');
  const deployStep = deploy
    ? `      - name: Roll the new image out to Kubernetes
        if: steps.bento.outputs.image != ''
        uses: ${uses(choices, 'deploy')}
        with:
          manifests: ${q(project.kubernetes!.dir)}
          images: ${q(choices.container!)}=\${{ steps.bento.outputs.image }}
          kubeconfig: \${{ secrets.KUBECONFIG }}
          timeout: 5m
          rollback-on-failure: true
`
    : '';
  const what = deploy
    ? `On every push to ${choices.branch}: fetch the trained model with DVC, build and push the BentoML\n# image, roll it out to Kubernetes and wait until it runs.`
    : `On every push to ${choices.branch}: fetch the trained model with DVC, build the BentoML service\n# and push its image.`;
  return `${header(project, what)}name: publish-and-deploy

on:
  push:
    branches: [${q(choices.branch)}]

# Publish one commit at a time, in order; never cancel a rollout half-way.
concurrency:
  group: publish-and-deploy
  cancel-in-progress: false

permissions: {}

jobs:
  publish${deploy ? '-and-deploy' : ''}:
    runs-on: ubuntu-latest
    timeout-minutes: 45
    permissions:
      contents: read
      packages: write # only to push the image to GitHub's container registry (ghcr.io)
${idToken(cloud)}${deploy ? `    environment: ${ENVIRONMENT}\n` : ''}${envBlock(cloud, '    ')}    steps:
      - uses: actions/checkout@v4
${cloudSteps(cloud)}${pythonSteps(project, choices)}      - name: Fetch the trained model
        uses: ${uses(choices, 'dvc-repro')}
${workingDirectory(project)}      # Repository variables: IMAGE_REPOSITORY (for example ghcr.io/<owner>/<name>; empty builds
      # the Bento only), REGISTRY (its host), CONTAINER_BACKEND (docker, buildx, buildah or podman);
      # secret REGISTRY_PASSWORD (without it, no login).
      - name: Build the BentoML service, containerize it and push the image
        id: bento
        uses: ${uses(choices, 'bentoml')}
        with:
${bentoWith}
${deployStep}`;
}

/** settings lists the secrets and variables the written workflows read. */
export function settings(project: Project, choices: Choices): Setting[] {
  const out: Setting[] = [];
  const cloud = project.remote?.cloud;
  const remote = project.remote
    ? `the DVC remote '${project.remote.name}' (${project.remote.url})`
    : '';
  if (cloud === 'aws') {
    out.push(
      {
        kind: 'secret',
        name: 'AWS_ACCESS_KEY_ID',
        why: `reads and writes ${remote}`,
        command: 'gh secret set AWS_ACCESS_KEY_ID',
      },
      {
        kind: 'secret',
        name: 'AWS_SECRET_ACCESS_KEY',
        why: `reads and writes ${remote}`,
        command: 'gh secret set AWS_SECRET_ACCESS_KEY',
      },
    );
  } else if (cloud === 'gcp') {
    out.push(
      {
        kind: 'variable',
        name: 'GCP_WORKLOAD_IDENTITY_PROVIDER',
        why: 'the workload identity provider that trusts this repository',
        command:
          'gh variable set GCP_WORKLOAD_IDENTITY_PROVIDER --body projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>',
      },
      {
        kind: 'variable',
        name: 'GCP_SERVICE_ACCOUNT',
        why: `the service account with roles/storage.objectUser on ${remote}`,
        command:
          'gh variable set GCP_SERVICE_ACCOUNT --body <name>@<project>.iam.gserviceaccount.com',
      },
    );
  } else if (cloud === 'azure') {
    out.push({
      kind: 'secret',
      name: 'AZURE_STORAGE_CONNECTION_STRING',
      why: `the storage account connection string of ${remote}`,
      command: 'gh secret set AZURE_STORAGE_CONNECTION_STRING',
    });
  }
  if (project.bento) {
    out.push(
      {
        kind: 'variable',
        name: 'IMAGE_REPOSITORY',
        why: 'where the image goes (empty: the Bento is built, no image)',
        command: `gh variable set IMAGE_REPOSITORY --body ghcr.io/${choices.owner.toLowerCase()}/<image-name>`,
      },
      {
        kind: 'variable',
        name: 'REGISTRY',
        why: 'the registry host to log in to',
        command: 'gh variable set REGISTRY --body ghcr.io',
      },
      {
        kind: 'secret',
        name: 'REGISTRY_PASSWORD',
        why: 'the registry password or token (for ghcr.io a token with write:packages)',
        command: 'gh secret set REGISTRY_PASSWORD',
      },
      {
        kind: 'variable',
        name: 'CONTAINER_BACKEND',
        why: 'docker (default), buildx, buildah or podman',
        command: 'gh variable set CONTAINER_BACKEND --body docker',
        optional: true,
      },
    );
    if (project.kubernetes && choices.container)
      out.push({
        kind: 'secret',
        name: 'KUBECONFIG',
        why: `the kubeconfig of the cluster ${project.kubernetes.dir} is applied to`,
        command: `gh secret set KUBECONFIG --env ${ENVIRONMENT} < kubeconfig`,
        environment: ENVIRONMENT,
      });
  }
  return out;
}
