import { getOctokit } from '@actions/github';
import { expect, onTestFinished, test } from 'vitest';
import { DEFAULT_TOKEN, loadGitHubOpenApi, startLocalGitHub } from '../src/github/index.ts';

// Vitest runs each file in its own worker, so the first start here is the first in the process.
test('the first start pays for the description once; later starts and requests are quick', async () => {
  const t0 = performance.now();
  const first = await startLocalGitHub();
  const firstStartMs = performance.now() - t0;
  await first.stop();

  const t1 = performance.now();
  const github = await startLocalGitHub();
  const secondStartMs = performance.now() - t1;
  onTestFinished(() => github.stop());

  const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
  const repo = { owner: 'octo-org', repo: 'demo' };
  const t2 = performance.now();
  await octokit.rest.repos.get(repo);
  const firstRequestMs = performance.now() - t2;
  const n = 50;
  const t3 = performance.now();
  for (let i = 0; i < n; i++) await octokit.rest.repos.get(repo);
  const perRequestMs = (performance.now() - t3) / n;
  const t4 = performance.now();
  await octokit.graphql('{ viewer { login } }');
  const firstGraphQLMs = performance.now() - t4;

  console.log(
    [
      `description parse ${loadGitHubOpenApi().loadMs.toFixed(0)} ms`,
      `first start ${firstStartMs.toFixed(0)} ms`,
      `second start ${secondStartMs.toFixed(1)} ms`,
      `first GET repo (compiles validators) ${firstRequestMs.toFixed(0)} ms`,
      `later GET repo ${perRequestMs.toFixed(2)} ms each`,
      `first GraphQL request (builds schema) ${firstGraphQLMs.toFixed(0)} ms`,
    ].join('; '),
  );
  expect(secondStartMs).toBeLessThan(100);
  expect(perRequestMs).toBeLessThan(firstRequestMs);
  expect(perRequestMs).toBeLessThan(50);
  github.assertNoViolations();
});
