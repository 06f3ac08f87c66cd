/** escapeCell makes text safe inside a Markdown table cell (pipes, newlines, HTML). */
export function escapeCell(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** table renders a GitHub-flavoured Markdown table; `align` takes 'l', 'r' or 'c' per column. */
export function table(header: string[], rows: unknown[][], align: string[] = []): string {
  const sep = header.map((_, i) => {
    const a = align[i];
    return a === 'r' ? '---:' : a === 'c' ? ':---:' : '---';
  });
  const line = (cells: unknown[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `| ${sep.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** details wraps Markdown in a collapsible <details> block. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${escapeCell(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** codeBlock fences text, choosing a fence longer than any backtick run inside it. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** link renders a Markdown link with its text escaped. */
export function link(text: string, url: string): string {
  return `[${text.replace(/([[\]\\])/g, '\\$1')}](${url.replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

/** hiddenMarker is an HTML comment that finds a bot's comment again without showing anything. */
export function hiddenMarker(id: string): string {
  return `<!-- ${id.replace(/--/g, '-')} -->`;
}

/**
 * fitSections joins Markdown sections and, if they exceed `limit` characters, keeps whole sections
 * from the start and ends with `note` (which should say where the full text is).
 */
export function fitSections(
  sections: string[],
  limit: number,
  note: string,
): { text: string; cut: boolean } {
  const whole = sections.join('\n\n');
  if (whole.length <= limit) return { text: whole, cut: false };
  const kept: string[] = [];
  let length = 0;
  for (const section of sections) {
    const add = (kept.length ? 2 : 0) + section.length;
    if (length + add + 2 + note.length > limit) break;
    kept.push(section);
    length += add;
  }
  const text = [...kept, note].join('\n\n');
  return { text: text.length <= limit ? text : note.slice(0, limit), cut: true };
}
