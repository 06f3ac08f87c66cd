// What every REST handler gets (RestContext) and answers (RestResult), and what handlers share:
// GitHub's pagination with its Link header, and the one-hour lifetime of the tokens they issue.
import type { AccessContext } from '../auth.ts';
import type { OpenApiOperation } from '../openapi.ts';
import { isoNow } from '../world.ts';

/** What a handler gets: the validated, typed request and the world it acts on. */
export interface RestContext extends AccessContext {
  operation: OpenApiOperation;
  query: Record<string, unknown>;
  body: unknown;
  /** The request URL (for pagination links). */
  url: URL;
  /** Records a problem the test should see (a gap in the stand-in, not the caller's fault). */
  violation(message: string): void;
}

/** What a handler answers. */
export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A handler of one operation; it throws HttpError for GitHub's error answers. */
export type RestHandler = (ctx: RestContext) => RestResult | Promise<RestResult>;

/** Handlers by OpenAPI operationId. */
export type RestRoutes = Record<string, RestHandler>;

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Cuts one page out of a list and builds GitHub's `Link` header for the others. */
export function paginate<T>(
  ctx: RestContext,
  items: readonly T[],
): { page: T[]; headers: Record<string, string> } {
  const requested = typeof ctx.query.per_page === 'number' ? ctx.query.per_page : 30;
  const perPage = requested < 1 ? 30 : Math.min(requested, 100);
  const pageNumber = typeof ctx.query.page === 'number' && ctx.query.page >= 1 ? ctx.query.page : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link = (n: number, rel: string) => {
    const url = new URL(`${ctx.world.apiUrl}${ctx.url.pathname}`);
    for (const [key, value] of ctx.url.searchParams) {
      if (key !== 'page') url.searchParams.append(key, value);
    }
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const rels: string[] = [];
  if (pageNumber > 1) rels.push(link(Math.min(pageNumber - 1, last), 'prev'));
  if (pageNumber < last) rels.push(link(pageNumber + 1, 'next'), link(last, 'last'));
  if (pageNumber > 1) rels.push(link(1, 'first'));
  return { page, headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
}

/** The expiry of a token issued now: GitHub's registration and installation tokens last an hour. */
export function inOneHour(): string {
  return isoNow(new Date(Date.now() + TOKEN_LIFETIME_MS));
}
