// Test support for the runner image's entry point (docker/src, bundled into docker/dist): stand-ins
// for the runner's config.sh and run.sh that record how they were called, a way to run the bundled
// entry point for real on Node, as the image does, and a proxy that records credentials.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The docker/ folder of the repository. */
export const DOCKER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The entry point under test: the bundle the image runs (`npm run build` in docker/). */
export const STARTUP = join(DOCKER_DIR, 'dist', 'index.js');

// config.sh stand-in: records its argv and environment, then behaves like the runner's own for
// the local registration file (.runner): configure writes it, remove deletes it.
const CONFIG_STUB = `#!/usr/bin/env bash
set -euo pipefail
here=$(cd -P "$(dirname "$0")" && pwd)
n=$(find "$here/calls" -name 'config-*.argv' | wc -l)
printf '%s\\0' "$@" >"$here/calls/config-$n.argv"
env -0 >"$here/calls/config-$n.env"
echo "config.sh stand-in: $*"
if [[ \${1:-} == remove ]]; then
  : >"$here/calls/remove-started"
  sleep "\${CONFIG_STUB_REMOVE_SECONDS:-0}"
  rm -f "$here/.runner"
else
  echo '{"agentName":"stand-in"}' >"$here/.runner"
fi
exit "\${CONFIG_STUB_EXIT:-0}"
`;

// run.sh stand-in: records its argv and environment, then acts as RUN_STUB_MODE says:
// "listen" waits for SIGTERM or SIGINT like an idle runner; "job" first runs a fake worker
// (a process named like the runner's Runner.Worker) for RUN_STUB_JOB_SECONDS; "ephemeral-job"
// runs the job, removes the registration as an ephemeral runner does, and exits 0; "exit" exits
// at once with RUN_STUB_EXIT. Its traps are set before it records anything, so that a test that
// signals once run.env is there never finds it without them.
const RUN_STUB = `#!/usr/bin/env bash
set -uo pipefail
here=$(cd -P "$(dirname "$0")" && pwd)
worker=''
on_signal() {
  printf '%s %s\\n' "$1" "$(date +%s.%N)" >>"$here/calls/run.signals"
  echo "run.sh stand-in: SIG$1, stopping"
  if [[ -n $worker ]]; then
    kill "$worker" 2>/dev/null
  fi
  exit 0
}
trap 'on_signal TERM' TERM
trap 'on_signal INT' INT
printf '%s\\0' "$@" >"$here/calls/run.argv"
if [[ -r /proc/$PPID/environ ]] && tr '\\0' '\\n' <"/proc/$PPID/environ" >"$here/calls/parent.env" 2>/dev/null; then
  :
else
  echo unreadable >"$here/calls/parent.env.denied"
fi
env -0 >"$here/calls/run.env"
job() {
  # The worker notes when the job finished before it exits, as a real job's last step would.
  (exec -a "$here/bin/Runner.Worker" bash -c 'sleep "$1"; date +%s.%N >"$2"' worker \
    "\${RUN_STUB_JOB_SECONDS:-2}" "$here/calls/job-finished") &
  worker=$!
  until ! kill -0 "$worker" 2>/dev/null ||
    [[ $(tr '\\0' '\\n' <"/proc/$worker/cmdline" 2>/dev/null | head -n 1) == "$here/bin/Runner.Worker" ]]; do
    sleep 0.02
  done
  echo "run.sh stand-in: running a job"
  while kill -0 "$worker" 2>/dev/null; do sleep 0.1; done
  echo "run.sh stand-in: job finished"
}
echo "run.sh stand-in: listening for jobs"
case \${RUN_STUB_MODE:-listen} in
  exit) exit "\${RUN_STUB_EXIT:-0}" ;;
  ephemeral-job)
    job
    rm -f "$here/.runner"
    exit 0
    ;;
  job) job ;;
esac
while :; do sleep 0.1; done
`;

/** A runner folder holding the config.sh and run.sh stand-ins, and what they recorded. */
export interface StubRunner {
  /** The folder, with symbolic links resolved (as the entry point resolves RUNNER_HOME). */
  home: string;
  /** Command lines config.sh was called with, in call order. */
  configCalls(): string[][];
  /** Environments config.sh was called with, in call order. */
  configEnvs(): Record<string, string>[];
  /** The command line run.sh was started with, or undefined if it never started. */
  runArgs(): string[] | undefined;
  /** The environment run.sh was started with, or undefined if it never started. */
  runEnv(): Record<string, string> | undefined;
  /** Signals run.sh received, with the time (seconds since the epoch) of each. */
  runSignals(): { signal: string; at: number }[];
  /** When the fake job finished (seconds since the epoch), if one ran. */
  jobFinishedAt(): number | undefined;
  /** Whether run.sh could read its parent's (the entry point's) initial environment. */
  parentEnvironmentReadable(): boolean | undefined;
  /** The text of a file the stand-ins wrote in calls/, or undefined. */
  recorded(name: string): string | undefined;
  remove(): void;
}

function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of text.split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}

function parseArgv(text: string): string[] {
  return text.split('\0').slice(0, -1);
}

/** Makes a runner folder with the config.sh and run.sh stand-ins. */
export function makeStubRunner(): StubRunner {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'runner-home-')));
  mkdirSync(join(home, 'calls'));
  mkdirSync(join(home, 'bin'));
  writeFileSync(join(home, 'config.sh'), CONFIG_STUB);
  writeFileSync(join(home, 'run.sh'), RUN_STUB);
  chmodSync(join(home, 'config.sh'), 0o755);
  chmodSync(join(home, 'run.sh'), 0o755);
  const read = (name: string) => {
    const path = join(home, 'calls', name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const numbered = (suffix: string) =>
    readdirSync(join(home, 'calls'))
      .filter((name) => name.startsWith('config-') && name.endsWith(suffix))
      .sort((a, b) => Number.parseInt(a.slice(7), 10) - Number.parseInt(b.slice(7), 10))
      .map((name) => readFileSync(join(home, 'calls', name), 'utf8'));
  return {
    home,
    configCalls: () => numbered('.argv').map(parseArgv),
    configEnvs: () => numbered('.env').map(parseEnv),
    runArgs: () => {
      const text = read('run.argv');
      return text === undefined ? undefined : parseArgv(text);
    },
    runEnv: () => {
      const text = read('run.env');
      return text === undefined ? undefined : parseEnv(text);
    },
    runSignals: () =>
      (read('run.signals') ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [signal = '', at = '0'] = line.split(' ');
          return { signal, at: Number(at) };
        }),
    jobFinishedAt: () => {
      const text = read('job-finished');
      return text === undefined ? undefined : Number(text.trim());
    },
    parentEnvironmentReadable: () => {
      if (read('parent.env.denied') !== undefined) return false;
      return read('parent.env') === undefined ? undefined : true;
    },
    recorded: read,
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** The outcome of a run of the entry point. */
export interface StartupExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Everything it printed, stdout and stderr interleaved as received. */
  output: string;
  stderr: string;
}

/** A running entry point. */
export interface StartupRun {
  child: ChildProcess;
  /** What it printed so far. */
  output(): string;
  exited: Promise<StartupExit>;
  /** Resolves once `predicate` holds, polling; rejects after `timeoutMs`. */
  until(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

/** The environment every run starts from: no variable of the test process leaks in. */
function baseEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tmpdir(),
    LANG: 'C.UTF-8',
    TMPDIR: tmpdir(),
  };
}

/** Starts the entry point (on this Node, unless `command` says otherwise) with `env` on top of a clean environment. */
export function startStartup(
  env: Record<string, string | undefined>,
  options: { command?: string[] } = {},
): StartupRun {
  const [command = process.execPath, ...args] = options.command ?? [process.execPath, STARTUP];
  const fullEnv: Record<string, string> = baseEnv();
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) fullEnv[key] = value;
  }
  const child = spawn(command, args, { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<StartupExit>((resolveExit) => {
    child.on('close', (code, signal) => resolveExit({ code, signal, output, stderr }));
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    child,
    output: () => output,
    exited,
    until: async (predicate, what, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (done) throw new Error(`the entry point exited before ${what}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** Runs the entry point to its end (killing it after `timeoutMs`). */
export async function runStartup(
  env: Record<string, string | undefined>,
  timeoutMs = 20_000,
): Promise<StartupExit> {
  const run = startStartup(env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  try {
    return await run.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** One request that went through the recording proxy. */
export interface ProxiedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** A proxy in front of the local GitHub that records each request's Authorization header. */
export interface RecordingProxy {
  url: string;
  seen: ProxiedRequest[];
  stop(): Promise<void>;
}

/** Starts a recording proxy on 127.0.0.1 (free port) that forwards everything to `target`. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const seen: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      authorization: req.headers.authorization,
    });
    const forward = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () => new Promise<void>((resolveStop) => server.close(() => resolveStop())),
  };
}

/** Decodes one base64url part of a JWT as JSON. */
export function jwtPart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
