// What the API server checks and fills in on every write: strict decoding against the schema
// (fieldValidation=Strict, kubectl's default), the validation rules manifests most often break,
// and the defaults the real server sets, so objects read back look like a real cluster's.
import type { ResourceType } from './catalog.ts';
import { isObj, type Obj } from './patch.ts';
import { resolve, SCHEMAS, type Schema } from './schemas.ts';
import { selectorMatcher } from './selectors.ts';

/** One rejected field, as a Status' details.causes entry. */
export interface Cause {
  reason: string;
  message: string;
  field: string;
}

function goType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return typeof value === 'number' ? 'number' : typeof value;
}

function walk(
  value: unknown,
  schema: Schema | undefined,
  path: string,
  unknown: string[],
  typeErrors: string[],
): void {
  const s = resolve(schema);
  if (!s || value === null || value === undefined) return;
  if (s['x-kubernetes-int-or-string']) {
    if (typeof value !== 'string' && !Number.isInteger(value))
      typeErrors.push(
        `cannot unmarshal ${goType(value)} into Go struct field ${path} of type intstr.IntOrString`,
      );
    return;
  }
  switch (s.type) {
    case 'object': {
      if (!isObj(value)) {
        typeErrors.push(
          `cannot unmarshal ${goType(value)} into Go struct field ${path} of type object`,
        );
        return;
      }
      if (s['x-kubernetes-preserve-unknown-fields'] && !s.properties) return;
      for (const [key, v] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (s.properties?.[key]) walk(v, s.properties[key], child, unknown, typeErrors);
        else if (typeof s.additionalProperties === 'object')
          walk(v, s.additionalProperties, child, unknown, typeErrors);
        else if (s.properties) unknown.push(child);
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) {
        typeErrors.push(
          `cannot unmarshal ${goType(value)} into Go struct field ${path} of type array`,
        );
        return;
      }
      for (const [i, item] of value.entries())
        walk(item, s.items, `${path}[${i}]`, unknown, typeErrors);
      return;
    case 'string':
      if (typeof value !== 'string')
        typeErrors.push(
          `cannot unmarshal ${goType(value)} into Go struct field ${path} of type string`,
        );
      return;
    case 'integer':
      if (!Number.isInteger(value))
        typeErrors.push(
          `cannot unmarshal ${goType(value)} into Go struct field ${path} of type ${s.format ?? 'int'}`,
        );
      return;
    case 'boolean':
      if (typeof value !== 'boolean')
        typeErrors.push(
          `cannot unmarshal ${goType(value)} into Go struct field ${path} of type bool`,
        );
      return;
    default:
  }
}

/**
 * decodeError checks an object against its kind's schema the way the server decodes it: a wrong
 * type always fails, an unknown field fails only under fieldValidation=Strict (else it is dropped
 * with a warning). Returns the message of the 400 answer, or the warnings to send.
 */
export function decodeCheck(
  type: ResourceType,
  object: Obj,
  strict: boolean,
): { error?: string; warnings: string[] } {
  const unknown: string[] = [];
  const typeErrors: string[] = [];
  walk(object, SCHEMAS[type.schema], '', unknown, typeErrors);
  const prefix = `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}`;
  if (typeErrors.length) return { error: `${prefix}: json: ${typeErrors[0]}`, warnings: [] };
  if (unknown.length && strict) {
    return {
      error: `${prefix}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
      warnings: [],
    };
  }
  return { warnings: unknown.map((f) => `unknown field "${f}"`) };
}

/** dropUnknownFields removes fields the schema does not know, as the server does when not strict. */
export function dropUnknownFields(value: unknown, schema: Schema | undefined): void {
  const s = resolve(schema);
  if (!s) return;
  if (Array.isArray(value)) {
    for (const item of value) dropUnknownFields(item, s.items);
    return;
  }
  if (!isObj(value) || !s.properties) return;
  for (const [key, v] of Object.entries(value)) {
    if (s.properties[key]) dropUnknownFields(v, s.properties[key]);
    else if (typeof s.additionalProperties === 'object')
      dropUnknownFields(v, s.additionalProperties);
    else if (!s['x-kubernetes-preserve-unknown-fields']) delete value[key];
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function get(object: unknown, path: string): unknown {
  let node = object;
  for (const part of path.split('.')) node = isObj(node) ? node[part] : undefined;
  return node;
}

function goMap(value: unknown): string {
  const entries = Object.entries(isObj(value) ? value : {}).map(
    ([k, v]) => `"${k}":"${String(v)}"`,
  );
  return `map[string]string{${entries.join(', ')}}`;
}

function checkPodSpec(spec: unknown, path: string, causes: Cause[]): void {
  const containers = get(spec, 'containers');
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: `${path}.containers`,
    });
    return;
  }
  for (const [list, items] of [
    ['containers', containers],
    ['initContainers', get(spec, 'initContainers')],
  ] as const) {
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      const name = get(c, 'name');
      if (typeof name !== 'string' || !name)
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: `${path}.${list}[${i}].name`,
        });
      else if (!DNS_LABEL.test(name)) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
          field: `${path}.${list}[${i}].name`,
        });
      }
      const image = get(c, 'image');
      if (typeof image !== 'string' || !image.trim())
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: `${path}.${list}[${i}].image`,
        });
    });
  }
}

/** validate applies the server's validation rules; `old` is the stored object on an update. */
export function validate(type: ResourceType, object: Obj, old: Obj | undefined): Cause[] {
  const causes: Cause[] = [];
  const name = get(object, 'metadata.name');
  if (typeof name !== 'string' || !name) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else if (!DNS_SUBDOMAIN.test(name) || name.length > 253) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      field: 'metadata.name',
    });
  }
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(type.kind)) {
    const selector = get(object, 'spec.selector');
    const labels = get(object, 'spec.template.metadata.labels');
    if (!isObj(selector)) {
      causes.push({
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: 'spec.selector',
      });
    } else if (!selectorMatcher(selector)({ metadata: { labels } })) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
        field: 'spec.template.metadata.labels',
      });
    }
    if (
      old &&
      type.kind !== 'ReplicaSet' &&
      JSON.stringify(get(old, 'spec.selector')) !== JSON.stringify(selector)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: v1.LabelSelector{MatchLabels:${goMap(get(selector, 'matchLabels'))}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`,
        field: 'spec.selector',
      });
    }
    checkPodSpec(get(object, 'spec.template.spec'), 'spec.template.spec', causes);
  } else if (type.kind === 'Pod') {
    checkPodSpec(get(object, 'spec'), 'spec', causes);
  } else if (type.kind === 'Job') {
    checkPodSpec(get(object, 'spec.template.spec'), 'spec.template.spec', causes);
  } else if (type.kind === 'CronJob') {
    checkPodSpec(
      get(object, 'spec.jobTemplate.spec.template.spec'),
      'spec.jobTemplate.spec.template.spec',
      causes,
    );
  }
  return causes;
}

function setDefault(object: Obj, key: string, value: unknown): void {
  if (object[key] === undefined || object[key] === null) object[key] = value;
}

function child(object: Obj, key: string): Obj {
  if (!isObj(object[key])) object[key] = {};
  return object[key] as Obj;
}

function defaultPodSpec(spec: Obj, restartPolicy: string | undefined): void {
  if (restartPolicy) setDefault(spec, 'restartPolicy', restartPolicy);
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    for (const c of containers) {
      if (!isObj(c)) continue;
      const image = String(c['image'] ?? '');
      const lastPart = image.split('/').at(-1) ?? '';
      const tagged = lastPart.includes(':') && !image.endsWith(':latest');
      setDefault(c, 'imagePullPolicy', tagged || image.includes('@') ? 'IfNotPresent' : 'Always');
      setDefault(c, 'terminationMessagePath', '/dev/termination-log');
      setDefault(c, 'terminationMessagePolicy', 'File');
      setDefault(c, 'resources', {});
      for (const port of Array.isArray(c['ports']) ? c['ports'] : [])
        if (isObj(port)) setDefault(port, 'protocol', 'TCP');
    }
  }
}

function defaultTemplate(template: Obj, restartPolicy: string | undefined): void {
  const metadata = child(template, 'metadata');
  setDefault(metadata, 'creationTimestamp', null);
  defaultPodSpec(child(template, 'spec'), restartPolicy);
}

/** applyDefaults fills in what the real API server defaults for each kind. */
export function applyDefaults(type: ResourceType, object: Obj): void {
  const spec = isObj(object['spec']) ? (object['spec'] as Obj) : undefined;
  switch (type.kind) {
    case 'Deployment':
      if (!spec) return;
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      setDefault(spec, 'strategy', {});
      setDefault(spec['strategy'] as Obj, 'type', 'RollingUpdate');
      if ((spec['strategy'] as Obj)['type'] === 'RollingUpdate') {
        setDefault(spec['strategy'] as Obj, 'rollingUpdate', {});
        const ru = (spec['strategy'] as Obj)['rollingUpdate'] as Obj;
        setDefault(ru, 'maxSurge', '25%');
        setDefault(ru, 'maxUnavailable', '25%');
      }
      defaultTemplate(child(spec, 'template'), 'Always');
      return;
    case 'ReplicaSet':
      if (!spec) return;
      setDefault(spec, 'replicas', 1);
      defaultTemplate(child(spec, 'template'), 'Always');
      return;
    case 'StatefulSet':
      if (!spec) return;
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { partition: 0 },
      });
      defaultTemplate(child(spec, 'template'), 'Always');
      return;
    case 'DaemonSet':
      if (!spec) return;
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
      });
      defaultTemplate(child(spec, 'template'), 'Always');
      return;
    case 'Job':
      if (!spec) return;
      setDefault(spec, 'backoffLimit', 6);
      setDefault(spec, 'completions', 1);
      setDefault(spec, 'parallelism', 1);
      defaultTemplate(child(spec, 'template'), undefined);
      return;
    case 'CronJob':
      if (!spec) return;
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', 3);
      setDefault(spec, 'failedJobsHistoryLimit', 1);
      defaultTemplate(child(child(child(spec, 'jobTemplate'), 'spec'), 'template'), undefined);
      return;
    case 'Pod':
      if (spec) defaultPodSpec(spec, 'Always');
      return;
    case 'Service':
      if (!spec) return;
      setDefault(spec, 'type', 'ClusterIP');
      setDefault(spec, 'sessionAffinity', 'None');
      for (const port of Array.isArray(spec['ports']) ? spec['ports'] : []) {
        if (!isObj(port)) continue;
        setDefault(port, 'protocol', 'TCP');
        setDefault(port, 'targetPort', port['port']);
      }
      return;
    case 'Namespace':
      setDefault(object, 'spec', { finalizers: ['kubernetes'] });
      setDefault(object, 'status', { phase: 'Active' });
      return;
    case 'Secret':
      setDefault(object, 'type', 'Opaque');
      if (isObj(object['stringData'])) {
        const data = child(object, 'data');
        for (const [k, v] of Object.entries(object['stringData']))
          data[k] = Buffer.from(String(v)).toString('base64');
        delete object['stringData'];
      }
      return;
    default:
  }
}
