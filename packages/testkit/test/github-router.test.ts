import { describe, expect, test } from 'vitest';
import { authenticate, jwtRefusal } from '../src/github/auth.ts';
import { HttpError } from '../src/github/endpoint.ts';
import { openApiOperations } from '../src/github/openapi.ts';
import { handlerFor, matchOperation } from '../src/github/router.ts';
import { APP_ROUTES } from '../src/github/routes/apps.ts';
import { COMMENT_ROUTES } from '../src/github/routes/comments.ts';
import { RELEASE_ROUTES } from '../src/github/routes/releases.ts';
import { REPOSITORY_ROUTES } from '../src/github/routes/repositories.ts';
import { RUNNER_ROUTES } from '../src/github/routes/runners.ts';
import { type AppRecord, DEFAULT_TOKEN, World } from '../src/github/world.ts';

const ROUTE_TABLES = {
  repositories: REPOSITORY_ROUTES,
  comments: COMMENT_ROUTES,
  releases: RELEASE_ROUTES,
  runners: RUNNER_ROUTES,
  apps: APP_ROUTES,
};

describe('router', () => {
  test.each(Object.entries(ROUTE_TABLES))(
    'every %s handler is routed by an operationId of the description',
    (_area, routes) => {
      const known = new Set(openApiOperations().map((op) => op.operationId));
      for (const [operationId, handler] of Object.entries(routes)) {
        expect(known.has(operationId), operationId).toBe(true);
        expect(handlerFor(operationId)).toBe(handler);
      }
    },
  );

  test.each([
    ['GET', '/repos/o/r', 'repos/get', { owner: 'o', repo: 'r' }],
    ['GET', '/repos/o/r/releases/latest', 'repos/get-latest-release', { owner: 'o', repo: 'r' }],
    [
      'GET',
      '/repos/o/r/releases/12',
      'repos/get-release',
      { owner: 'o', repo: 'r', release_id: '12' },
    ],
    [
      'GET',
      '/repos/o/r/contents/a/b.txt',
      'repos/get-content',
      { owner: 'o', repo: 'r', path: 'a/b.txt' },
    ],
  ])('%s %s reaches %s with its path parameters', (method, path, operationId, params) => {
    const match = matchOperation(method, path);
    expect(match?.operation.operationId).toBe(operationId);
    expect(match?.pathParams).toEqual(params);
  });

  test.each([
    ['POST', '/repos/o/r'],
    ['GET', '/repos/%E0%A4%A/r'],
    ['GET', '/nope'],
  ])('%s %s reaches no operation', (method, path) => {
    expect(matchOperation(method, path)).toBeUndefined();
  });

  test('an operation the stand-in lacks has no handler', () => {
    expect(matchOperation('GET', '/repos/o/r/issues')?.operation.operationId).toBe(
      'issues/list-for-repo',
    );
    expect(handlerFor('issues/list-for-repo')).toBeUndefined();
  });
});

describe('auth', () => {
  test.each([
    [undefined, 'anonymous'],
    [`token ${DEFAULT_TOKEN}`, 'token'],
    [`Bearer ${DEFAULT_TOKEN}`, 'token'],
    ['Basic dXNlcjpwYXNz', 'Bad credentials'],
    ['token ghp_unknown', 'Bad credentials'],
    ['Bearer aaa.bbb.ccc', 'Bad credentials'],
  ])('the Authorization header %s is read as %s', async (header, expected) => {
    const world = await World.create({});
    const auth = authenticate(world, header);
    expect(auth instanceof HttpError ? auth.message : auth.kind).toBe(expected);
    if (auth instanceof HttpError) expect(auth.status).toBe(401);
  });

  test('an app JWT reaches the app operations and no other', () => {
    const app = { kind: 'app' as const, app: {} as AppRecord };
    for (const operationId of Object.keys(APP_ROUTES)) {
      expect(jwtRefusal(app, operationId), operationId).toBeUndefined();
    }
    for (const operationId of ['repos/get', 'issues/create-comment', 'users/get-authenticated']) {
      expect(jwtRefusal(app, operationId)?.status, operationId).toBe(403);
    }
  });
});
