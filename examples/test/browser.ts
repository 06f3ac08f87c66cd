/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Opens a page of the demo in headless Chromium (Debian's `chromium` package, driven through
// playwright-core) and reads back what a person would see: did every image load, did every Mermaid
// chart draw, and a PNG screenshot kept next to the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** What the page showed. */
export interface PageCheck {
  images: { alt: string; naturalWidth: number; complete: boolean }[];
  /** Mermaid blocks in the page, and how many of them hold a drawn <svg>. */
  mermaidBlocks: number;
  mermaidDrawn: number;
  /** Errors the page's Mermaid run reported, and Mermaid's error text if it drew one. */
  mermaidErrors: string[];
  /** Requests that left the machine (the page must need none). */
  externalRequests: string[];
  title: string;
  text: string;
}

/** chromiumPath finds Debian's chromium on PATH, or undefined. */
export function chromiumPath(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** openPage loads an HTML file, waits for the charts, checks it, and writes a screenshot. */
export async function openPage(
  htmlPath: string,
  screenshotPath: string,
  viewport = { width: 1100, height: 1400 },
): Promise<PageCheck> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error(
      'chromium is not on PATH: apt-get install -y chromium (scripts/apt-packages.txt)',
    );
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport,
  });
  try {
    const page = await context.newPage();
    const externalRequests: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!/^(file|data|blob|about):/.test(url)) externalRequests.push(url);
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset['mermaid'] === 'done', undefined, {
      timeout: 120_000,
    });
    const seen = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('pre.mermaid')];
      return {
        images: [...document.images].map((img) => ({
          alt: img.alt,
          naturalWidth: img.naturalWidth,
          complete: img.complete,
        })),
        mermaidBlocks: blocks.length,
        mermaidDrawn: blocks.filter((b) => b.querySelector('svg')).length,
        mermaidErrors: [
          ...(JSON.parse(document.body.dataset['mermaidErrors'] ?? '[]') as string[]),
          ...[...document.querySelectorAll('svg[aria-roledescription="error"]')].map(
            (e) => e.textContent ?? 'error diagram',
          ),
        ],
        title: document.title,
        // biome-ignore lint/performance/useDomNodeTextContent: the text as a person sees it, laid out
        text: document.body.innerText,
      };
    });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    return { ...seen, externalRequests };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
