// The bentoml action's whole run: import models, build the Bento, containerize, log in, push.
import { group, info, saveState } from '../runtime.ts';
import { type Backend, logoutCommand } from './commands.ts';
import {
  type Credentials,
  checkBackend,
  containerize,
  login,
  pushAll,
  type RetryPolicy,
} from './image.ts';
import { checkBentomlSource, resolveBentoml } from './install.ts';
import type { ImagePlan } from './reference.ts';
import {
  applyModel,
  type BentomlCli,
  buildBento,
  checkBuildInputs,
  checkStore,
  type ModelImport,
  planModels,
} from './store.ts';
import type { BentoRunResult } from './summary.ts';

/** Everything the bentoml action was asked to do, read and validated from its inputs. */
export interface BentoPipelineOptions {
  /** Absolute paths of .bentomodel archives. */
  models: string[];
  overwrite: boolean;
  /** Absolute path of the build context. */
  buildContext: string;
  /** Absolute path of the bentofile. */
  bentofile: string;
  /** The validated image references (empty repositories: no image is built). */
  plan: ImagePlan;
  backend: Backend;
  platform: string | undefined;
  push: boolean;
  credentials: Credentials | undefined;
  /** BentoML version to install when `bentoml` is not on PATH. */
  bentomlVersion: string;
  workspace: string;
  retry?: RetryPolicy;
}

/** The state key under which the post step finds the logout command (JSON `{command, args}`). */
export const LOGIN_STATE = 'bentoml-login';

/** runBentoPipeline runs the action's steps in order, one log group each, and returns what they made. */
export async function runBentoPipeline(options: BentoPipelineOptions): Promise<BentoRunResult> {
  const buildImage = options.plan.references.length > 0;
  // The plan: every input and file is checked before BentoML is set up (an install on a fresh
  // runner), before the login and before anything is imported, built or pushed.
  checkBuildInputs({
    bentofile: options.bentofile,
    context: options.buildContext,
    workspace: options.workspace,
  });
  const planned = await planModels(options.models, options.workspace);
  checkBentomlSource(options.bentomlVersion);
  if (buildImage) await checkBackend(options.backend);

  // Log in first, as docker/login-action does before a build: wrong credentials fail in seconds.
  const credentials = buildImage && options.push ? options.credentials : undefined;
  if (credentials) {
    await group(`Log in to ${credentials.registry}`, () =>
      login(options.backend, credentials, options.retry),
    );
    saveState(LOGIN_STATE, JSON.stringify(logoutCommand(options.backend, credentials.registry)));
  }

  const bentoml = await group('Set up BentoML', () =>
    resolveBentoml(options.bentomlVersion, options.bentofile, options.buildContext),
  );
  const cli: BentomlCli = { executable: bentoml.executable };

  // Every model is looked up in the store before the first import: a conflict stops the run
  // with the store as it was.
  const steps = await checkStore(cli, planned, options.overwrite);
  const models: ModelImport[] = [];
  for (const step of steps) {
    models.push(await group(`Import ${step.file}`, () => applyModel(cli, step, options.overwrite)));
  }
  const bentoTag = await group('Build the Bento', () =>
    buildBento(cli, {
      bentofile: options.bentofile,
      context: options.buildContext,
      workspace: options.workspace,
    }),
  );
  info(`Built the Bento ${bentoTag}`);

  const result: BentoRunResult = {
    models,
    bentoTag,
    references: options.plan.references,
    backend: options.backend,
    pushed: [],
    bentoml,
  };
  if (!buildImage) return result;

  await group(`Containerize ${bentoTag} (${options.backend})`, () =>
    containerize(cli, {
      bentoTag,
      backend: options.backend,
      references: options.plan.references,
      platform: options.platform,
    }),
  );
  if (!options.push) return result;

  result.pushed = await group(`Push ${options.plan.references.length} image tags`, () =>
    pushAll(options.backend, options.plan.references, {
      credentials,
      ...(options.retry ? { policy: options.retry } : {}),
    }),
  );
  return result;
}
