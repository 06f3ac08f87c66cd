import { pullRequestEvent, pushEvent } from '@mlops-actions/testkit/events';
import { describe, expect, test } from 'vitest';
import { eventContext } from '../../../src/pure/event.ts';
import {
  commentBody,
  deniedWarning,
  destination,
} from '../../../src/report/publish/destination.ts';
import {
  hasMarker,
  ours,
  planComment,
  sameLogin,
  settleRace,
} from '../../../src/report/publish/sticky.ts';

const MARKER = 'mlops-actions/report workflow=ci id=report';
const hidden = (marker: string) => `<!-- ${marker} -->`;
const comment = (id: number, login: string, body = `${hidden(MARKER)}\n## Report`) => ({
  id,
  user: { login },
  body,
});
const BOT = 'github-actions[bot]';

describe('sameLogin', () => {
  test.each([
    ['github-actions[bot]', 'github-actions', true],
    ['GitHub-Actions[bot]', 'github-actions[bot]', true],
    ['alice', 'alice[bot]', true],
    ['alice', 'bob', false],
    [undefined, 'bob', false],
  ])('%s and %s are the same author: %s', (a, b, same) => {
    expect(sameLogin(a, b)).toBe(same);
  });
});

describe('ours', () => {
  test('keeps only marked comments by the same author, oldest first', () => {
    const comments = [
      comment(9, 'github-actions[bot]'),
      comment(3, 'alice'),
      comment(5, 'github-actions[bot]', 'no marker'),
      comment(4, 'github-actions[bot]'),
    ];
    expect(ours(comments, MARKER, 'github-actions[bot]').map((c) => c.id)).toEqual([4, 9]);
  });
});

describe('hasMarker: the whole marker token, exactly', () => {
  const id = (reportId: string) => `mlops-actions/report workflow=ci id=${reportId}`;
  test.each([
    ['the report itself', `${hidden(id('report'))}\n## Experiment report`, id('report'), true],
    ['an id that is a prefix of ours', hidden(id('report')), id('report-gpu'), false],
    ['an id that ours is a prefix of', hidden(id('report-gpu')), id('report'), false],
    ['an id that is a suffix of ours', hidden(id('gpu')), id('report-gpu'), false],
    ['an id that ours is a suffix of', hidden(id('report-gpu')), id('gpu'), false],
    ['an id in another case', hidden(id('Report')), id('report'), false],
    ['the same id in another case', hidden(id('report')), id('REPORT'), false],
    ['another workflow', hidden('mlops-actions/report workflow=cd id=report'), id('report'), false],
    [
      'a workflow whose name ours is a prefix of',
      hidden('mlops-actions/report workflow=ci-nightly id=report'),
      id('report'),
      false,
    ],
    [
      'the marker quoted in a reply',
      `> ${hidden(id('report'))}\n> ## Experiment report\n\nLooks good`,
      id('report'),
      false,
    ],
    [
      'the marker pasted in a code block',
      `See:\n\`\`\`\n${hidden(id('report'))}\n\`\`\`\n`,
      id('report'),
      false,
    ],
    [
      'the marker inside a sentence',
      `The marker is ${hidden(id('report'))} here`,
      id('report'),
      false,
    ],
    [
      'a body a person edited above and below the marker',
      `Note from Jane: rerun\n${hidden(id('report'))}\n## Report\nedited`,
      id('report'),
      true,
    ],
    [
      'a body whose marker a person removed',
      '## Experiment report\nedited by hand',
      id('report'),
      false,
    ],
    ['an empty body', '', id('report'), false],
  ])('%s', (_name, body, marker, found) => {
    expect(hasMarker(body, marker)).toBe(found);
  });
});

describe('ours with two reports in one workflow', () => {
  const report = `mlops-actions/report workflow=ci id=report`;
  const gpu = `mlops-actions/report workflow=ci id=report-gpu`;
  const comments = [
    comment(10, BOT, `${hidden(gpu)}\n## GPU report`),
    comment(11, BOT, `${hidden(report)}\n## Report`),
    comment(12, 'alice', `> ${hidden(report)}\n\nquoting the report`),
    comment(13, 'alice', `${hidden(report)}\nalice pasted the whole report`),
    comment(14, BOT, `${hidden('mlops-actions/report workflow=ci id=Report')}\n## Report`),
  ];

  test.each([
    [report, [11]],
    [gpu, [10]],
    ['mlops-actions/report workflow=ci id=gpu', []],
  ])('finds only the comments of %s', (marker, ids) => {
    expect(ours(comments, marker, BOT).map((c) => c.id)).toEqual(ids);
  });

  test("update mode never deletes another report's comment", () => {
    for (const marker of [report, gpu]) {
      const plan = planComment(ours(comments, marker, BOT), 'update');
      expect(plan.remove).toEqual([]);
      expect(plan).toMatchObject({ action: 'update' });
    }
  });

  test("update mode edits the report's own comment, not the first one that contains its id", () => {
    expect(planComment(ours(comments, report, BOT), 'update')).toEqual({
      action: 'update',
      id: 11,
      remove: [],
    });
  });
});

describe('planComment', () => {
  const mine = [comment(4, 'me'), comment(9, 'me')];
  test.each([
    ['update', mine, { action: 'update', id: 4, remove: [9] }],
    ['update', [], { action: 'create', remove: [] }],
    ['recreate', mine, { action: 'create', remove: [4, 9] }],
    ['append', mine, { action: 'create', remove: [] }],
  ] as const)('in %s mode with %j does the right thing', (mode, existing, plan) => {
    expect(planComment(existing, mode)).toEqual(plan);
  });
});

describe('settleRace', () => {
  test('keeps the oldest and deletes newer duplicates', () => {
    expect(settleRace([comment(12, 'me'), comment(10, 'me'), comment(11, 'me')], 10)).toEqual({
      keep: 10,
      remove: [11, 12],
      rewriteKept: false,
    });
  });

  test('asks to write our body into the kept comment when ours is the newer one', () => {
    expect(settleRace([comment(10, 'me'), comment(11, 'me')], 11)).toEqual({
      keep: 10,
      remove: [11],
      rewriteKept: true,
    });
  });
});

describe('destination', () => {
  const env = { GITHUB_REPOSITORY: 'octo-org/demo', GITHUB_SHA: 'm'.repeat(40) };
  const pr = (fork: boolean, name = 'pull_request') => {
    const event = pullRequestEvent({
      headSha: 'h'.repeat(40),
      baseSha: 'b'.repeat(40),
      ...(fork ? { headRepository: 'someone/demo' } : {}),
    });
    return eventContext({ ...env, GITHUB_EVENT_NAME: name }, event.payload);
  };
  const push = eventContext(
    { ...env, GITHUB_EVENT_NAME: 'push' },
    pushEvent({ sha: 'p'.repeat(40) }).payload,
  );

  test('comments on the pull request by default', () => {
    expect(destination(pr(false), 'auto', true)).toEqual({ kind: 'pr', number: 7 });
  });

  test('keeps a fork pull request to the job summary and names the missing permission', () => {
    const d = destination(pr(true), 'auto', true);
    expect(d.kind).toBe('none');
    expect(d.kind === 'none' && d.warning).toMatch(/fork.*pull-requests: write/);
  });

  test('comments on a fork pull request under pull_request_target, whose token may write', () => {
    expect(destination(pr(true, 'pull_request_target'), 'auto', true)).toEqual({
      kind: 'pr',
      number: 7,
    });
  });

  test('writes only the summary on a push unless a commit comment is asked', () => {
    expect(destination(push, 'auto', true)).toEqual({ kind: 'none' });
    expect(destination(push, 'commit', true)).toEqual({ kind: 'commit', sha: 'm'.repeat(40) });
  });

  test('warns when a pull request comment is asked outside a pull request', () => {
    const d = destination(push, 'pr', true);
    expect(d.kind === 'none' && d.warning).toMatch(/not about a pull request/);
  });

  test('warns when there is no token', () => {
    const d = destination(pr(false), 'auto', false);
    expect(d.kind === 'none' && d.warning).toMatch(/token input is empty/);
  });

  test('publishes nothing with target none', () => {
    expect(destination(pr(false), 'none', true)).toEqual({ kind: 'none' });
  });

  test('explains a refusal as the permission the token lacks', () => {
    expect(deniedWarning('pr', 403)).toContain('pull-requests: write');
    expect(deniedWarning('commit', 403)).toContain('contents: write');
  });
});

describe('commentBody', () => {
  test('keeps a short report whole', () => {
    expect(commentBody(['a', 'b'], undefined)).toEqual({ body: 'a\n\nb', cut: false });
  });

  test('cuts a long report at a section and links the job summary', () => {
    const sections = [MARKER, 'x'.repeat(400), 'y'.repeat(400)];
    const { body, cut } = commentBody(sections, 'https://github.test/o/r/actions/runs/1', 700);
    expect(cut).toBe(true);
    expect(body.length).toBeLessThanOrEqual(700);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).not.toContain('yyyy');
    expect(body).toContain('[job summary](https://github.test/o/r/actions/runs/1)');
  });
});
