// The runner image's entry point. It registers a GitHub Actions runner with a short-lived token
// (a personal access token or a GitHub App, through core's runner registry), or a just-in-time
// configuration, starts it with its log on stdout and no credential in its environment, and on
// SIGTERM or SIGINT lets a running job finish before it stops the runner and deregisters it with
// a fresh remove token. Every setting comes from the environment: docker/README.md lists them and
// the exit codes.
import { createPrivateKey } from 'node:crypto';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '@mlops-actions/core/pure';
import { type RunnerCredential, RunnerRegistry } from '@mlops-actions/core/runners';
import { Api, StopRequested } from './api.ts';
import { addSecret, error, guardStdout, info, warn } from './log.ts';
import { configSh, runRunner } from './runner.ts';
import {
  CREDENTIAL_VARIABLES,
  checkRegistration,
  EXIT,
  readSettings,
  readTarget,
  type Settings,
  type SettingsEnv,
  StartupError,
  type Target,
  takeCredentials,
} from './settings.ts';
import { Stop } from './signals.ts';

type Env = Record<string, string | undefined>;

/** The image's runner folder, where the runner tarball is unpacked (RUNNER_HOME's default). */
const RUNNER_HOME = '/home/runner';

/** What cleanup has to undo: a config.sh registration, or a just-in-time runner. */
interface Registration {
  registered: boolean;
  jitRunnerId: number | undefined;
  /** Connects again (a fresh App installation token) for the deregistration. */
  connect?: (abortable: boolean) => Promise<RunnerRegistry>;
  api?: Api;
  target?: Target;
}

/** The labels config.sh gives a runner by itself. */
function defaultLabels(): string[] {
  const names: Record<string, string> = { x64: 'X64', arm64: 'ARM64', arm: 'ARM' };
  return ['self-hosted', 'Linux', names[arch()] ?? arch()];
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** One start of the runner: settings, registration, the runner's run, and the one cleanup. */
class Startup {
  private readonly stop = new Stop();
  private readonly registration: Registration = { registered: false, jitRunnerId: undefined };
  private readonly childEnv: Env;
  private settings: Settings | undefined;

  constructor(childEnv: Env) {
    this.childEnv = childEnv;
    this.stop.install();
  }

  private stopIfAsked(): void {
    if (this.stop.signal) throw new StopRequested();
  }

  /** main runs the whole start-up and returns the exit code; it throws to stop early. */
  async main(env: SettingsEnv, defaultHome: string): Promise<number> {
    let credentials: ReturnType<typeof takeCredentials>;
    try {
      credentials = takeCredentials(env);
    } finally {
      // Read once, then gone from the environment of every process started from here on.
      for (const name of CREDENTIAL_VARIABLES) delete this.childEnv[name];
    }
    for (const value of [credentials.pat, credentials.appKey, credentials.handedOverJitConfig]) {
      addSecret(value);
    }
    const settings = readSettings(env, defaultHome);
    this.settings = settings;
    let jitConfig = credentials.handedOverJitConfig;
    if (jitConfig) {
      // actions-runner-controller's scale set hands each pod a ready just-in-time configuration:
      // the controller registers and removes the runner, this only runs it.
      info('ACTIONS_RUNNER_INPUT_JITCONFIG is set: running the runner the controller configured.');
    } else {
      jitConfig = await this.register(settings, credentials);
    }
    if (!executable(join(settings.runnerHome, 'run.sh'))) {
      throw new StartupError(
        EXIT.config,
        `No runner in RUNNER_HOME '${settings.runnerHome}': run.sh is missing.`,
      );
    }
    this.stopIfAsked();
    const runnerEnv: Env = {
      ...this.childEnv,
      ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: settings.printLogToStdout,
      // run.sh forwards SIGTERM to the listener as SIGINT only when this is set.
      RUNNER_MANUALLY_TRAP_SIG: '1',
      ...(jitConfig ? { ACTIONS_RUNNER_INPUT_JITCONFIG: jitConfig } : {}),
    };
    const status = await runRunner({
      home: settings.runnerHome,
      env: runnerEnv,
      gracefulStopSeconds: settings.gracefulStopSeconds,
      stop: this.stop,
    });
    if (this.stop.signal) {
      info(`The runner stopped (exit code ${status}) after SIG${this.stop.signal}.`);
      return this.stop.exitCode();
    }
    if (status === 0) {
      info('The runner exited.');
      return 0;
    }
    if (status === 7) {
      throw new StartupError(
        EXIT.outdated,
        'GitHub no longer accepts this runner version and updates are disabled ' +
          '(DISABLE_AUTO_UPDATE): rebuild the image with a newer RUNNER_VERSION.',
      );
    }
    throw new StartupError(
      EXIT.runner,
      `The runner stopped with exit code ${status}; its log is above.`,
    );
  }

  /** register checks the settings, authenticates and registers; returns a JIT configuration. */
  private async register(
    settings: Settings,
    credentials: ReturnType<typeof takeCredentials>,
  ): Promise<string> {
    if (!settings.runnerUrl) {
      throw new StartupError(
        EXIT.config,
        'RUNNER_URL is not set: give the repository (https://github.com/OWNER/REPO) or the ' +
          'organisation (https://github.com/ORG) the runner registers to.',
      );
    }
    const target = readTarget(settings.runnerUrl, settings.apiUrl);
    const credential = checkRegistration(settings, credentials);
    if (!executable(join(settings.runnerHome, 'config.sh'))) {
      throw new StartupError(
        EXIT.config,
        `No runner in RUNNER_HOME '${settings.runnerHome}': config.sh is missing.`,
      );
    }
    info(`GitHub API: ${target.apiUrl}; runner home: ${settings.runnerHome}.`);
    const api = new Api({
      target,
      runnerUrl: settings.runnerUrl,
      usesApp: credential.kind === 'app',
      attempts: settings.apiAttempts,
      retryDelaySeconds: settings.apiRetryDelaySeconds,
      stop: this.stop,
    });
    const connect = (abortable: boolean) => this.connect(api, target, credential, abortable);
    Object.assign(this.registration, { connect, api, target });
    const registry = await connect(true);
    this.stopIfAsked();
    if (settings.jit) return this.generateJitConfig(api, target, registry, settings);
    await this.registerWithConfigSh(api, target, registry, settings);
    return '';
  }

  private async connect(
    api: Api,
    target: Target,
    credential: RunnerCredential,
    abortable: boolean,
  ): Promise<RunnerRegistry> {
    const options = { apiUrl: target.apiUrl, retries: 0 };
    if (credential.kind === 'token')
      return RunnerRegistry.connect(credential, target.scope, options);
    let rsa = false;
    try {
      rsa = createPrivateKey(credential.privateKey).asymmetricKeyType === 'rsa';
    } catch {
      // Not a key at all: said below.
    }
    if (!rsa) {
      throw new StartupError(
        EXIT.config,
        'Could not sign the GitHub App JWT: the private key is not a PEM RSA private key.',
      );
    }
    return api.call(
      `Getting a GitHub App installation token for ${target.apiScope}`,
      () => RunnerRegistry.connect(credential, target.scope, options),
      abortable,
    );
  }

  private async runnerToken(
    api: Api,
    target: Target,
    registry: RunnerRegistry,
    kind: 'registration' | 'remove',
    abortable: boolean,
  ): Promise<string> {
    const token = await api.call(
      `Requesting a runner ${kind} token for ${target.apiScope}`,
      () => registry.runnerToken(kind),
      abortable,
    );
    if (!token) {
      throw new StartupError(
        EXIT.api,
        `GitHub's answer to the ${kind} token request has no token.`,
      );
    }
    addSecret(token);
    return token;
  }

  private async registerWithConfigSh(
    api: Api,
    target: Target,
    registry: RunnerRegistry,
    settings: Settings,
  ): Promise<void> {
    const { runnerHome: home, runnerName: name } = settings;
    const kind = settings.ephemeral ? 'an ephemeral (one job)' : 'a persistent';
    info(`Registering '${name}' as ${kind} runner of ${settings.runnerUrl}.`);
    if (existsSync(join(home, '.runner'))) {
      // A configuration left by an earlier start in the same folder would make config.sh refuse.
      info('A runner configuration from an earlier start is present: removing it first.');
      const token = await this.runnerToken(api, target, registry, 'remove', true);
      if ((await configSh(home, ['remove', '--unattended'], token, this.childEnv)) !== 0) {
        warn('config.sh could not remove the earlier registration; registering over it.');
        for (const file of ['.runner', '.credentials', '.credentials_rsaparams']) {
          rmSync(join(home, file), { force: true });
        }
      }
    }
    const token = await this.runnerToken(api, target, registry, 'registration', true);
    this.stopIfAsked();
    const args = ['--unattended', '--replace', '--url', settings.runnerUrl, '--name', name];
    args.push('--work', settings.runnerWorkdir);
    if (settings.runnerLabels) args.push('--labels', settings.runnerLabels);
    if (settings.runnerGroup) args.push('--runnergroup', settings.runnerGroup);
    if (settings.ephemeral) args.push('--ephemeral');
    if (settings.disableUpdate) args.push('--disableupdate');
    const status = await configSh(home, args, token, this.childEnv);
    if (status !== 0) {
      throw new StartupError(
        EXIT.register,
        `config.sh could not register the runner (exit code ${status}); its output is above.`,
      );
    }
    this.registration.registered = true;
    info(`Runner '${name}' registered.`);
  }

  private async generateJitConfig(
    api: Api,
    target: Target,
    registry: RunnerRegistry,
    settings: Settings,
  ): Promise<string> {
    const labels = [...defaultLabels(), ...settings.runnerLabels.split(',').filter(Boolean)];
    const what = `Generating a just-in-time configuration for runner '${settings.runnerName}' of ${target.apiScope}`;
    info(`${what}.`);
    const jit = await api.call(
      what,
      () =>
        registry.generateJitConfig({
          name: settings.runnerName,
          labels,
          runnerGroupId: settings.runnerGroupId,
          workFolder: settings.runnerWorkdir,
        }),
      true,
    );
    addSecret(jit.encodedJitConfig);
    if (!jit.encodedJitConfig || !Number.isInteger(jit.runner?.id)) {
      throw new StartupError(
        EXIT.api,
        "GitHub's answer to the just-in-time request has no configuration or runner id.",
      );
    }
    this.registration.jitRunnerId = jit.runner.id;
    info(`Just-in-time runner ${jit.runner.id} created.`);
    return jit.encodedJitConfig;
  }

  /** deregister removes the runner from GitHub if it is still registered; false if that failed. */
  private async deregister(): Promise<boolean> {
    const { connect, api, target } = this.registration;
    const settings = this.settings;
    if (!connect || !api || !target || !settings) return true;
    const { runnerHome: home, runnerName: name } = settings;
    if (this.registration.registered) {
      this.registration.registered = false;
      if (!existsSync(join(home, '.runner'))) {
        info(
          'The runner has removed its own registration (an ephemeral runner does after its job).',
        );
        return true;
      }
      info(`Deregistering runner '${name}' with a fresh remove token.`);
      let token: string;
      try {
        token = await this.runnerToken(api, target, await connect(false), 'remove', false);
      } catch (thrown) {
        report(thrown);
        error(
          `Runner '${name}' is still registered: remove it in the settings of ` +
            `${settings.runnerUrl} (GitHub also drops runners that stay offline).`,
        );
        return false;
      }
      const status = await configSh(home, ['remove', '--unattended'], token, this.childEnv);
      if (status !== 0) {
        error(
          `config.sh remove failed (exit code ${status}): runner '${name}' may still be listed.`,
        );
        return false;
      }
      info(`Runner '${name}' deregistered.`);
      return true;
    }
    const id = this.registration.jitRunnerId;
    if (id === undefined) return true;
    this.registration.jitRunnerId = undefined;
    const what = `Deleting just-in-time runner ${id}`;
    info(`${what} (GitHub has already deleted it if it ran its job).`);
    try {
      const registry = await connect(false);
      await api.call(what, () => registry.remove(id), false);
    } catch (thrown) {
      report(thrown);
      return false;
    }
    info(`Just-in-time runner ${id} is gone.`);
    return true;
  }

  /** finish deregisters, then exits with the code that says what happened; runs once. */
  async finish(code: number): Promise<never> {
    if (this.stop.finishing) process.exit(code);
    this.stop.finishing = true;
    let exitCode = code;
    if (!(await this.deregister()) && [0, EXIT.sigint, EXIT.sigterm].includes(exitCode as 0)) {
      exitCode = EXIT.deregister;
    }
    info(`exiting with code ${exitCode}.`);
    process.exit(exitCode);
  }

  /** codeOf reports what stopped the start-up and returns its exit code. */
  codeOf(thrown: unknown): number {
    if (thrown instanceof StopRequested) return this.stop.exitCode();
    return report(thrown);
  }
}

/** report logs what was thrown and returns the exit code it stands for. */
function report(thrown: unknown): number {
  if (thrown instanceof StartupError) {
    error(thrown.message);
    return thrown.code;
  }
  error(`stopped unexpectedly (${errorMessage(thrown)}); cleaning up.`);
  return 1;
}

/**
 * startup is the entry point's one way in and out: whatever happens, the runner is deregistered
 * if it was registered, and the process exits with the code of what happened.
 */
export async function startup(): Promise<never> {
  guardStdout();
  const app = new Startup(process.env);
  let code: number;
  try {
    code = await app.main({ ...process.env }, RUNNER_HOME);
  } catch (thrown) {
    code = app.codeOf(thrown);
  }
  return app.finish(code);
}
