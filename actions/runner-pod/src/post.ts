import { existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { getState, info, run } from '@mlops-actions/core';
import { KUBECONFIG_STATE } from './main.ts';

// The kubeconfig written by main holds cluster credentials: it must not outlive the job.
void run('runner-pod', async () => {
  const dir = getState(KUBECONFIG_STATE);
  if (!dir || !basename(dir).startsWith('runner-pod-kubeconfig-') || !existsSync(dir)) return;
  rmSync(dir, { recursive: true, force: true });
  info('kubeconfig removed');
});
