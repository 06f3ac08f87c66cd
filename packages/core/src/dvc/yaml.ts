// Reading the YAML files DVC reads (dvc.yaml, dvc.lock, params files, .dvc files) in the plan
// phase, before DVC starts. The plain block YAML that DVC writes and people mostly write is read by
// the report's fast reader, which gives the full parser's tree or defers (its tests check both);
// the full parser reads the rest and words every error. On the example project the fast reader
// takes the plan phase from about 25 ms of the step's start-up to about 2 ms (issue 16): the full
// parser, cold, is most of the time the step spends before `dvc repro` starts.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { fastYaml } from '../pure/fastyaml.ts';
import { type PyKey, toPlain } from '../pure/pyvalue.ts';

/** A parsed YAML text (`fast`: read by the fast reader), or `ok: false` when it does not parse. */
export type YamlRead = { ok: true; value: unknown; fast: boolean } | { ok: false };

/**
 * readYamlText parses YAML 1.2 as DVC's loader reads it (merge keys, unique keys) into plain
 * JavaScript values, as the full parser's `toJS()` gives them; `ok: false` when it does not parse.
 */
export function readYamlText(text: string): YamlRead {
  const fast = fastYaml(text);
  // fastYaml reads a text of comments only as an empty mapping; the full parser, as null.
  if (fast) return { ok: true, value: hasContent(text) ? toPlain(fast, jsKey) : null, fast: true };
  const doc = parseDocument(text, { merge: true, uniqueKeys: true });
  if (doc.errors.length) return { ok: false };
  return { ok: true, value: doc.toJS() as unknown, fast: false };
}

function hasContent(text: string): boolean {
  return text.split('\n').some((line) => {
    const content = line.trim();
    return content !== '' && !content.startsWith('#');
  });
}

/** A key as the full parser's `toJS()` writes it: `true`, not Python's `True`; null as ''. */
function jsKey(key: PyKey): string {
  return key.t === 'null' ? '' : String(key.v);
}

/**
 * stageLines finds the line (1-based) of each stage name under the top-level `stages:` of a
 * dvc.yaml text. `names` are the stages the text was read to hold: for a text the fast reader took,
 * the names are found by a scan of its lines; the full parser is asked when the scan does not find
 * exactly those names (quoted or unusual keys), and for every other text.
 */
export function stageLines(
  text: string,
  names: readonly string[],
  fast: boolean,
): Map<string, number> {
  const scanned = fast ? scanStageLines(text) : undefined;
  if (scanned && scanned.size === names.length && names.every((name) => scanned.has(name)))
    return scanned;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lines = new Map<string, number>();
  const stages = doc.get('stages', true);
  if (!isMap(stages)) return lines;
  for (const item of stages.items) {
    if (isScalar(item.key) && item.key.range)
      lines.set(String(item.key.value), counter.linePos(item.key.range[0]).line);
  }
  return lines;
}

const PLAIN_KEY = /^([A-Za-z0-9_][^:#'"]*?)\s*:(?:\s|$)/;

/** scanStageLines reads plain keys one level under `stages:` (indented block YAML only). */
function scanStageLines(text: string): Map<string, number> | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^stages\s*:\s*(?:#.*)?\r?$/.test(line));
  if (start < 0) return undefined;
  const found = new Map<string, number>();
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    const depth = raw.length - raw.trimStart().length;
    if (depth === 0) break;
    indent ??= depth;
    if (depth !== indent) continue;
    const key = PLAIN_KEY.exec(content)?.[1];
    if (key === undefined || found.has(key)) return undefined;
    found.set(key, i + 1);
  }
  return found;
}
