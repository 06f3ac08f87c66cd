// kwok Stages that play the kubelet's failures: what a pod's containers do is decided by a Stage
// object in the cluster (kwok reads them through its Stage CRD), selected by a container image or
// a pod label. A stage's weight makes kwok prefer it over its own pod-ready stage.
import { stringify } from 'yaml';

/** What the containers of a matching pod do, as a kubelet would report it. */
export type PodOutcome =
  | { kind: 'ImagePullBackOff' }
  | { kind: 'ErrImagePull' }
  | { kind: 'CrashLoopBackOff'; exitCode?: number; restarts?: number }
  | { kind: 'NeverReady' }
  | { kind: 'Succeeded' }
  | { kind: 'Failed'; reason?: string; message?: string };

/** The waiting reasons of outcomes that keep a pod Pending. */
export const PENDING_OUTCOMES = ['ImagePullBackOff', 'ErrImagePull'];

/** Which pods an outcome applies to: any container running one of these images, or a pod label. */
export type PodMatch = { image: string } | { label: string; value: string };

/** stageName is a DNS-1123 name for an outcome stage, unique per match. */
export function stageName(match: PodMatch): string {
  const text = 'image' in match ? match.image : `${match.label}=${match.value}`;
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `mlops-outcome-${hash.toString(16)}`;
}

function selector(match: PodMatch): { key: string; operator: string; values?: string[] }[] {
  const which =
    'image' in match
      ? {
          key: '.spec.containers.[].image',
          operator: 'In',
          values: [match.image],
        }
      : {
          key: `.metadata.labels[${JSON.stringify(match.label)}]`,
          operator: 'In',
          values: [match.value],
        };
  return [which, { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' }];
}

const CONDITIONS = (ready: boolean) => `
conditions:
- {type: Initialized, status: "True", lastTransitionTime: {{ $now | Quote }}}
- {type: Ready, status: "${ready ? 'True' : 'False'}", lastTransitionTime: {{ $now | Quote }}}
- {type: ContainersReady, status: "${ready ? 'True' : 'False'}", lastTransitionTime: {{ $now | Quote }}}
- {type: PodScheduled, status: "True", lastTransitionTime: {{ $now | Quote }}}`;

function containerState(outcome: PodOutcome): string {
  switch (outcome.kind) {
    case 'ImagePullBackOff':
    case 'ErrImagePull':
      return `
  ready: false
  started: false
  restartCount: 0
  state:
    waiting:
      reason: ${outcome.kind}
      message: {{ printf "Back-off pulling image %q: not found" .image | Quote }}`;
    case 'CrashLoopBackOff':
      return `
  ready: false
  started: false
  restartCount: ${outcome.restarts ?? 5}
  lastState:
    terminated:
      exitCode: ${outcome.exitCode ?? 1}
      reason: Error
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}
  state:
    waiting:
      reason: CrashLoopBackOff
      message: {{ printf "back-off 5m0s restarting failed container=%s" .name | Quote }}`;
    case 'NeverReady':
      return `
  ready: false
  started: true
  restartCount: 0
  state:
    running:
      startedAt: {{ $now | Quote }}`;
    case 'Succeeded':
    case 'Failed':
      return `
  ready: false
  started: false
  restartCount: 0
  state:
    terminated:
      exitCode: ${outcome.kind === 'Succeeded' ? 0 : 1}
      reason: ${outcome.kind === 'Succeeded' ? 'Completed' : 'Error'}
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}`;
  }
}

function phase(outcome: PodOutcome): string {
  switch (outcome.kind) {
    case 'ImagePullBackOff':
    case 'ErrImagePull':
      return 'Pending';
    case 'Succeeded':
      return 'Succeeded';
    case 'Failed':
      return 'Failed';
    default:
      return 'Running';
  }
}

/** outcomeStage renders the kwok Stage object that gives matching pods this outcome. */
export function outcomeStage(match: PodMatch, outcome: PodOutcome): string {
  const statusTemplate = [
    '{{ $now := Now }}',
    CONDITIONS(false),
    'containerStatuses:',
    '{{ range .spec.containers }}',
    `- image: {{ .image | Quote }}\n  name: {{ .name | Quote }}${containerState(outcome)}`,
    '{{ end }}',
    'initContainerStatuses:',
    '{{ range .spec.initContainers }}',
    `- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: true
  restartCount: 0
  state:
    terminated: {exitCode: 0, reason: Completed, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }}}`,
    '{{ end }}',
    'hostIP: {{ NodeIPWith .spec.nodeName | Quote }}',
    'podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}',
    `phase: ${phase(outcome)}`,
    ...(outcome.kind === 'Failed'
      ? [
          `reason: ${JSON.stringify(outcome.reason ?? 'Error')}`,
          `message: ${JSON.stringify(outcome.message ?? 'the pod failed')}`,
        ]
      : []),
    'startTime: {{ $now | Quote }}',
  ].join('\n');
  return stringify({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name: stageName(match) },
    spec: {
      resourceRef: { apiGroup: 'v1', kind: 'Pod' },
      selector: {
        matchExpressions: [
          ...selector(match),
          // Once: a pod already in this outcome's phase is not matched again.
          {
            key: '.status.phase',
            operator: 'NotIn',
            values: [phase(outcome) === 'Pending' ? 'Failed' : phase(outcome), 'Succeeded'],
          },
          ...(phase(outcome) === 'Pending'
            ? [
                {
                  key: '.status.containerStatuses.[].state.waiting.reason',
                  operator: 'NotIn',
                  values: [outcome.kind],
                },
              ]
            : []),
        ],
      },
      weight: 10000,
      next: { statusTemplate },
    },
  });
}

/**
 * deadlineStage plays the kubelet's `activeDeadlineSeconds`: a Running pod that has one fails
 * (phase Failed, reason DeadlineExceeded) that many seconds after its start time. kwok takes the
 * delay from the jq expression: an RFC 3339 time is waited for (time minus now).
 */
export function deadlineStage(): string {
  return stringify({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name: 'mlops-pod-active-deadline' },
    spec: {
      resourceRef: { apiGroup: 'v1', kind: 'Pod' },
      selector: {
        matchExpressions: [
          { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' },
          { key: '.spec.activeDeadlineSeconds', operator: 'Exists' },
          { key: '.status.startTime', operator: 'Exists' },
          { key: '.status.phase', operator: 'In', values: ['Running'] },
        ],
      },
      delay: {
        durationMilliseconds: 0,
        durationFrom: {
          jq: {
            expression:
              '(.status.startTime | fromdateiso8601) + .spec.activeDeadlineSeconds | todateiso8601',
          },
        },
      },
      weight: 10000,
      next: {
        statusTemplate: [
          '{{ $now := Now }}',
          CONDITIONS(false),
          'containerStatuses:',
          '{{ range .spec.containers }}',
          `- image: {{ .image | Quote }}
  name: {{ .name | Quote }}
  ready: false
  started: false
  restartCount: 0
  state:
    terminated: {exitCode: 137, reason: Error, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }}}`,
          '{{ end }}',
          'phase: Failed',
          'reason: DeadlineExceeded',
          'message: "Pod was active on the node longer than the specified deadline"',
        ].join('\n'),
      },
    },
  });
}
