#!/usr/bin/env node
// npm create mlops-actions / npx create-mlops-actions init: the workflows for the project here.
import { createInterface } from 'node:readline/promises';
import { InitError } from './detect.ts';
import { type Ask, init } from './init.ts';

const argv = process.argv.slice(2);
const interactive = process.stdin.isTTY === true && !argv.includes('--yes') && !argv.includes('-y');
const rl = interactive
  ? createInterface({ input: process.stdin, output: process.stdout })
  : undefined;
const ask: Ask | undefined = rl
  ? async (question, fallback, choices) => {
      const options = choices ? ` (${choices.join('/')})` : '';
      for (;;) {
        const answer =
          (await rl.question(`${question}${options} [${fallback}]: `)).trim() || fallback;
        if (!choices || choices.includes(answer)) return answer;
      }
    }
  : undefined;

try {
  await init(argv, { cwd: process.cwd(), out: (line) => console.log(line), ask });
} catch (error) {
  const message =
    error instanceof InitError ? error.message : `unexpected error: ${(error as Error).message}`;
  console.error(`create-mlops-actions: ${message}`);
  process.exitCode = 1;
} finally {
  rl?.close();
}
