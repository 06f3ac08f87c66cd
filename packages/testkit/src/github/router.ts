// Which operation and handler a request reaches: GitHub's REST paths from the OpenAPI description,
// matched segment by segment (a literal beats a parameter, which beats a multi-segment one), the
// path parameters they capture, and the handler the local GitHub has for each operationId.
import { type OpenApiOperation, openApiOperations } from './openapi.ts';
import { APP_ROUTES } from './routes/apps.ts';
import { COMMENT_ROUTES } from './routes/comments.ts';
import type { RestHandler, RestRoutes } from './routes/context.ts';
import { RELEASE_ROUTES } from './routes/releases.ts';
import { REPOSITORY_ROUTES } from './routes/repositories.ts';
import { RUNNER_ROUTES } from './routes/runners.ts';

/** A request path matched to an operation, with the raw path parameters it captured. */
export interface RouteMatch {
  operation: OpenApiOperation;
  pathParams: Record<string, string>;
}

interface Segment {
  literal?: string;
  param?: string;
  multi: boolean;
}

interface Route {
  segments: Segment[];
  specificity: number[];
  operation: OpenApiOperation;
}

/** Routes by method, then by first literal segment (`*` when the path starts with a parameter). */
type RouteIndex = Map<string, Map<string, Route[]>>;

/** The operations the local GitHub implements, by OpenAPI operationId. */
const REST_HANDLERS: RestRoutes = {
  ...REPOSITORY_ROUTES,
  ...COMMENT_ROUTES,
  ...RELEASE_ROUTES,
  ...RUNNER_ROUTES,
  ...APP_ROUTES,
};

let index: RouteIndex | undefined;

function compileRoute(operation: OpenApiOperation): Route {
  const multi = new Set(operation.parameters.filter((p) => p.multiSegment).map((p) => p.name));
  const segments: Segment[] = operation.template
    .split('/')
    .slice(1)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (m?.[1]) return { param: m[1], multi: multi.has(m[1]) };
      return { literal: part, multi: false };
    });
  const specificity = segments.map((s) => (s.literal !== undefined ? 0 : s.multi ? 2 : 1));
  return { segments, specificity, operation };
}

function routeIndex(): RouteIndex {
  if (index) return index;
  const routes: RouteIndex = new Map();
  for (const operation of openApiOperations()) {
    const route = compileRoute(operation);
    const first = route.segments[0]?.literal ?? '*';
    const byMethod = routes.get(operation.method) ?? new Map<string, Route[]>();
    routes.set(operation.method, byMethod);
    const list = byMethod.get(first) ?? [];
    list.push(route);
    byMethod.set(first, list);
  }
  index = routes;
  return routes;
}

/** Builds the route table once per process (a server start pays for it, not its first request). */
export function loadRoutes(): void {
  routeIndex();
}

function matchSegments(
  segments: Segment[],
  parts: string[],
  si: number,
  pi: number,
  params: Record<string, string>,
): boolean {
  if (si === segments.length) return pi === parts.length;
  const segment = segments[si];
  if (!segment || pi >= parts.length) return false;
  const part = parts[pi] ?? '';
  if (segment.literal !== undefined) {
    return segment.literal === part && matchSegments(segments, parts, si + 1, pi + 1, params);
  }
  const name = segment.param ?? '';
  if (part === '') return false;
  const maxEnd = segment.multi ? parts.length : pi + 1;
  for (let end = maxEnd; end > pi; end--) {
    const taken = parts.slice(pi, end);
    if (taken.some((p) => p === '')) continue;
    params[name] = taken.join('/');
    if (matchSegments(segments, parts, si + 1, end, params)) return true;
  }
  delete params[name];
  return false;
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function splitPath(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .slice(1)
      .map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
}

/** Finds the OpenAPI operation for a method and path, preferring literal segments over templates. */
export function matchOperation(method: string, pathname: string): RouteMatch | undefined {
  const parts = splitPath(pathname);
  if (!parts) return undefined;
  const byMethod = routeIndex().get(method.toUpperCase());
  const candidates = [...(byMethod?.get(parts[0] ?? '') ?? []), ...(byMethod?.get('*') ?? [])];
  let best: { route: Route; params: Record<string, string> } | undefined;
  for (const route of candidates) {
    const params: Record<string, string> = {};
    if (!matchSegments(route.segments, parts, 0, 0, params)) continue;
    if (!best || compareSpecificity(route.specificity, best.route.specificity) < 0) {
      best = { route, params };
    }
  }
  return best ? { operation: best.route.operation, pathParams: best.params } : undefined;
}

/** The handler the local GitHub has for an operation, if it implements it. */
export function handlerFor(operationId: string): RestHandler | undefined {
  return REST_HANDLERS[operationId];
}
