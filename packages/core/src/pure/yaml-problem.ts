// Pure: the first syntax error of a YAML text, with its line, worded the same for every action
// (dvc.yaml, dvc.lock, params files, manifests). Not re-exported from pure/index.ts: it loads the
// YAML parser, which the light core that every action starts with does without.
import { LineCounter, parseDocument } from 'yaml';

/** A YAML syntax error: the 1-based line (when known) and the parser's first line of text. */
export interface YamlProblem {
  line: number | undefined;
  reason: string;
}

/**
 * yamlProblem parses YAML 1.2 as DVC's loader reads it (merge keys, unique keys) and returns its
 * first error, or undefined when the text parses. `reason` reads `invalid YAML, <parser text>`.
 */
export function yamlProblem(text: string): YamlProblem | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const problem = doc.errors[0];
  if (!problem) return undefined;
  const line =
    problem.pos?.[0] === undefined ? undefined : lineCounter.linePos(problem.pos[0]).line;
  return { line, reason: `invalid YAML, ${problem.message.split('\n')[0]}` };
}
