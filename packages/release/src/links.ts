// Markdown links of a README, and how an action's README is rewritten for its own repository:
// links inside the action stay relative, links into the rest of the monorepo become absolute
// links to the monorepo at the release tag, and `uses:` lines name the standalone repository.

/** One link target in a Markdown text, with its offsets. */
export interface MarkdownLink {
  target: string;
  start: number;
  end: number;
}

/** markdownLinks finds inline links and images, reference definitions and HTML href/src, outside code. */
export function markdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const fences: [number, number][] = [];
  const fence = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;
  for (const m of text.matchAll(fence)) fences.push([m.index, m.index + m[0].length]);
  const inCode = (at: number) => fences.some(([a, b]) => at >= a && at < b);
  const patterns = [
    /\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm,
    /\b(?:href|src)="([^"]+)"/g,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      if (inCode(m.index)) continue;
      const target = m[1]!;
      const start = m.index + m[0].indexOf(target);
      links.push({ target, start, end: start + target.length });
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

/** isExternal tells whether a link target leaves the repository (a scheme, or an anchor only). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//');
}

/** What rewriting an action's README needs to know. */
export interface ReadmeContext {
  /** The action's name (its folder under actions/). */
  action: string;
  /** Paths shipped in the standalone repository (files and folders), relative to its root. */
  shipped: ReadonlySet<string>;
  /** Files of the monorepo root that are shipped at the standalone root too (LICENSE, SECURITY.md). */
  rootFiles: readonly string[];
  /** Tells whether a monorepo path (relative to its root) is a folder. */
  isDirectory(path: string): boolean;
  /** Web URL of GitHub, e.g. https://github.com. */
  serverUrl: string;
  /** `owner/name` of the monorepo. */
  monorepo: string;
  /** The release tag absolute links point at. */
  tag: string;
  /** The standalone repository of each action. */
  targets: ReadonlyMap<string, string>;
}

function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** rewriteLink maps one link target of actions/<action>/README.md to its standalone form. */
export function rewriteLink(target: string, ctx: ReadmeContext): string {
  if (isExternal(target)) return target;
  const cut = target.search(/[?#]/);
  const path = cut < 0 ? target : target.slice(0, cut);
  const suffix = cut < 0 ? '' : target.slice(cut);
  if (path === '') return target;
  const inMonorepo = path.startsWith('/')
    ? normalize(path)
    : normalize(`actions/${ctx.action}/${path}`);
  if (inMonorepo === undefined) return target;
  const own = `actions/${ctx.action}`;
  if (inMonorepo === own) return `./${suffix}`;
  if (inMonorepo.startsWith(`${own}/`)) {
    const inner = inMonorepo.slice(own.length + 1);
    if (ctx.shipped.has(inner)) return `${inner}${suffix}`;
  }
  if (ctx.rootFiles.includes(inMonorepo)) return `${inMonorepo}${suffix}`;
  const kind = ctx.isDirectory(inMonorepo) ? 'tree' : 'blob';
  return `${ctx.serverUrl}/${ctx.monorepo}/${kind}/${ctx.tag}/${inMonorepo}${suffix}`;
}

/** rewriteReadme applies rewriteLink to every link and points `uses:` lines at the standalone repositories. */
export function rewriteReadme(text: string, ctx: ReadmeContext, monorepoName: string): string {
  let out = '';
  let at = 0;
  for (const link of markdownLinks(text)) {
    out += text.slice(at, link.start) + rewriteLink(link.target, ctx);
    at = link.end;
  }
  out += text.slice(at);
  const name = monorepoName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uses = new RegExp(`[\\w.<>-]+/${name}/actions/([\\w.-]+)@`, 'g');
  return out.replace(uses, (whole, action: string) => {
    const target = ctx.targets.get(action);
    return target ? `${target}@` : whole;
  });
}
