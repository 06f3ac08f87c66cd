import { run } from '@mlops-actions/core';
import { main } from './main.ts';

void run('runner-pod', main);
