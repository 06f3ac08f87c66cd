// Kubernetes manifests as text: parse (every document, with its line), set container images, add
// annotations. Image edits find the image scalars with the `yaml` Document API and replace only
// their source range, so the rest of the file (comments, quoting, indentation, key order, blank
// lines) stays byte for byte as written. Pure: no I/O, no @actions/*.
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { ActionError } from '../pure/errors.ts';
import { entryMatches, type ImageEntry } from './image-ref.ts';

/** One Kubernetes object in a manifest file. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** As written in the file; undefined means the default (or the `namespace` input). */
  namespace: string | undefined;
  /** The file as the user knows it (relative to the workspace). */
  file: string;
  /** 1-based line where the document starts. */
  line: number;
}

/** One image set on one container. */
export interface ImageChange {
  file: string;
  line: number;
  kind: string;
  name: string;
  container: string;
  /** `containers` or `initContainers`. */
  list: string;
  from: string;
  to: string;
}

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

/** The kinds whose images the `images` input can set. */
export const KINDS_WITH_IMAGES = Object.keys(POD_SPEC_PATHS);

interface ParsedFile {
  docs: Document.Parsed[];
  lines: LineCounter;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

function parse(text: string, file: string): ParsedFile {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  for (const doc of list) {
    const problem = doc.errors[0];
    if (problem) {
      const pos = problem.linePos?.[0] ?? lines.linePos(problem.pos[0]);
      throw new ActionError(`${file}:${pos.line}:${pos.col}: ${firstLine(problem.message)}`, {
        hint: 'Fix the YAML syntax there (indentation, a missing colon or quote, a tab).',
        location: { file, line: pos.line, column: pos.col },
      });
    }
  }
  return { docs: list, lines };
}

function text(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined
    ? String(node.value)
    : undefined;
}

interface ObjectNode {
  map: YAMLMap;
  line: number;
}

/** objectNodes lists the Kubernetes objects of one file, items of a `kind: List` included. */
function objectNodes(parsed: ParsedFile, file: string): ObjectNode[] {
  const out: ObjectNode[] = [];
  for (const doc of parsed.docs) {
    const contents = doc.contents;
    if (
      contents === null ||
      (isScalar(contents) && (contents.value === null || contents.value === ''))
    )
      continue;
    const start = contents.range?.[0] ?? doc.range[0];
    const line = parsed.lines.linePos(start).line;
    if (!isMap(contents)) {
      throw new ActionError(
        `${file}:${line}: the document is not a mapping, so it is no Kubernetes object`,
        {
          hint: 'Each YAML document must be one object with apiVersion, kind and metadata.',
          location: { file, line },
        },
      );
    }
    const kind = text(contents.get('kind', true));
    const items = contents.get('items', true);
    if (kind === 'List' && isSeq(items)) {
      for (const item of items.items) {
        if (isMap(item))
          out.push({ map: item, line: parsed.lines.linePos(item.range?.[0] ?? start).line });
      }
      continue;
    }
    out.push({ map: contents, line });
  }
  return out;
}

function describe(node: ObjectNode, file: string): ManifestObject {
  const apiVersion = text(node.map.get('apiVersion', true));
  const kind = text(node.map.get('kind', true));
  const name = text(node.map.getIn(['metadata', 'name'], true));
  const missing = [!apiVersion && 'apiVersion', !kind && 'kind', !name && 'metadata.name'].filter(
    Boolean,
  );
  if (missing.length) {
    throw new ActionError(`${file}:${node.line}: the object has no ${missing.join(', ')}`, {
      hint: 'Every Kubernetes object needs apiVersion, kind and metadata.name.',
      location: { file, line: node.line },
    });
  }
  return {
    apiVersion: apiVersion!,
    kind: kind!,
    name: name!,
    namespace: text(node.map.getIn(['metadata', 'namespace'], true)),
    file,
    line: node.line,
  };
}

/** parseManifest lists the objects of a manifest file; bad YAML is an ActionError pointing at the file and line. */
export function parseManifest(source: string, file: string): ManifestObject[] {
  const parsed = parse(source, file);
  return objectNodes(parsed, file).map((node) => describe(node, file));
}

function renderScalar(node: Scalar, value: string): string {
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return `'${value.replace(/'/g, "''")}'`;
    case 'PLAIN':
      // Image references are plain-safe (no ': ', no ' #', no leading indicator), but check anyway.
      if (/^[\w./@:+-]+$/.test(value) && !/^[-?:@]/.test(value)) return value;
      return JSON.stringify(value);
    default:
      return JSON.stringify(value);
  }
}

/** What setImages did to one file. */
export interface ImageEdit {
  text: string;
  changes: ImageChange[];
  /** Names of the entries that matched at least one container here. */
  matched: Set<string>;
  /** Every container seen, for the message when an entry matches none. */
  containers: { kind: string; name: string; container: string; image: string }[];
}

/**
 * setImages sets the images the entries name in every container and init container of the file's
 * workloads, and returns the edited text: only the image scalars change. A container that two
 * entries match is an error (which one should win is not obvious).
 */
export function setImages(source: string, file: string, entries: readonly ImageEntry[]): ImageEdit {
  const parsed = parse(source, file);
  const edits: { start: number; end: number; text: string }[] = [];
  const changes: ImageChange[] = [];
  const matched = new Set<string>();
  const containers: ImageEdit['containers'] = [];
  for (const node of objectNodes(parsed, file)) {
    const object = describe(node, file);
    const path = POD_SPEC_PATHS[object.kind];
    if (!path) continue;
    for (const list of ['initContainers', 'containers']) {
      const seq = node.map.getIn([...path, list], true);
      if (!isSeq(seq)) continue;
      for (const container of seq.items) {
        if (!isMap(container)) continue;
        const name = text(container.get('name', true)) ?? '';
        const imageNode = container.get('image', true);
        if (!isScalar(imageNode) || !imageNode.range) continue;
        const image = String(imageNode.value ?? '');
        containers.push({ kind: object.kind, name: object.name, container: name, image });
        const hits = entries.filter((e) => entryMatches(e, name, image));
        if (hits.length > 1) {
          const line = parsed.lines.linePos(imageNode.range[0]).line;
          throw new ActionError(
            `${file}:${line}: the images entries ${hits.map((h) => `'${h.source}'`).join(' and ')} all match container ${name} of ${object.kind.toLowerCase()}/${object.name}`,
            {
              hint: 'Keep one entry per container: name it by container name or by repository, not both.',
              location: { file, line },
            },
          );
        }
        const hit = hits[0];
        if (!hit) continue;
        matched.add(hit.name);
        const line = parsed.lines.linePos(imageNode.range[0]).line;
        changes.push({
          file,
          line,
          kind: object.kind,
          name: object.name,
          container: name,
          list,
          from: image,
          to: hit.image,
        });
        if (image !== hit.image)
          edits.push({
            start: imageNode.range[0],
            end: imageNode.range[1],
            text: renderScalar(imageNode, hit.image),
          });
      }
    }
  }
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, changes, matched, containers };
}

/**
 * addAnnotations sets metadata annotations on every object of the file (and, with `changeCause`,
 * `kubernetes.io/change-cause` on workloads, which `kubectl rollout history` shows). It re-renders
 * the documents with the Document API: comments stay, indentation may be normalised.
 */
export function addAnnotations(
  source: string,
  file: string,
  annotations: Record<string, string>,
  changeCause?: string,
): string {
  const parsed = parse(source, file);
  const nodes = objectNodes(parsed, file);
  if (!nodes.length || (!Object.keys(annotations).length && !changeCause)) return source;
  for (const node of nodes) {
    const object = describe(node, file);
    const all = { ...annotations };
    if (changeCause && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(object.kind))
      all['kubernetes.io/change-cause'] = changeCause;
    for (const [key, value] of Object.entries(all))
      node.map.setIn(['metadata', 'annotations', key], value);
  }
  const rendered = parsed.docs.map((doc, i) => {
    const body = doc.toString({ lineWidth: 0 });
    return i === 0 || body.startsWith('---') ? body : `---\n${body}`;
  });
  return rendered.join('');
}

/** splitDocuments returns the text of each document of a file that holds something, in order. */
export function splitDocuments(source: string, file: string): string[] {
  return parse(source, file)
    .docs.filter((doc) => {
      const contents = doc.contents;
      return !(
        contents === null ||
        (isScalar(contents) && (contents.value === null || contents.value === ''))
      );
    })
    .map((doc) => doc.toString({ lineWidth: 0 }));
}
