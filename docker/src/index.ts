import { startup } from './startup.ts';

void startup();
