// The job summary of the bentoml action. Pure: the run's result in, Markdown out.
import { codeBlock, table } from '../pure/markdown.ts';
import type { PushedReference } from './image.ts';
import type { ModelImport } from './store.ts';

/** What one run of the bentoml action did, for its outputs and job summary. */
export interface BentoRunResult {
  models: ModelImport[];
  bentoTag: string;
  /** Every image reference built (empty when no `images` were given). */
  references: string[];
  backend: string;
  /** The pushed references and digests (empty when `push` is false). */
  pushed: PushedReference[];
  /** How BentoML was found: on PATH, or installed into the tool cache. */
  bentoml: { executable: string; installed: boolean; version?: string | undefined };
}

const OUTCOME_TEXT: Record<ModelImport['outcome'], string> = {
  imported: 'imported',
  skipped: 'already in the store (skipped)',
  replaced: 'replaced (overwrite)',
};

/** summaryMarkdown renders the job summary: models, the Bento, and the images with their digests. */
export function summaryMarkdown(result: BentoRunResult): string {
  const sections: string[] = ['### BentoML', `Bento **\`${result.bentoTag}\`**`];
  if (result.models.length > 0) {
    sections.push(
      table(
        ['Model archive', 'Model tag', 'Import'],
        result.models.map((m) => [m.file, m.tag, OUTCOME_TEXT[m.outcome]]),
      ),
    );
    for (const m of result.models) {
      if (m.removedBentos?.length) {
        sections.push(
          `\`${m.tag}\`: \`overwrite\` deleted the Bentos built from the old model: ${m.removedBentos.join(', ')}`,
        );
      }
    }
  }
  if (result.references.length > 0) {
    const digests = new Map(result.pushed.map((p) => [p.reference, p.digest]));
    sections.push(
      table(
        ['Image', 'Pushed digest'],
        result.references.map((r) => [r, digests.get(r) ?? 'not pushed']),
      ),
    );
    const first = result.pushed[0];
    if (first) {
      const repository = first.reference.slice(0, first.reference.lastIndexOf(':'));
      sections.push(`Pull it by digest:\n\n${codeBlock(`${repository}@${first.digest}`)}`);
    }
    sections.push(`Built with the \`${result.backend}\` backend.`);
  } else {
    sections.push('No image was built (no `images` given).');
  }
  if (result.bentoml.installed) {
    sections.push(
      `BentoML ${result.bentoml.version ?? ''} was installed into the tool cache for this run.`.replace(
        '  ',
        ' ',
      ),
    );
  }
  return sections.join('\n\n');
}
