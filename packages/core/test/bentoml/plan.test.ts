// The pure checks of the plan phase: a bentofile read without BentoML, and BentoML's refusal to
// delete a model that Bentos use.
import { describe, expect, test } from 'vitest';
import { bentofileProblem } from '../../src/bentoml/bentofile.ts';
import { parseModelInUse } from '../../src/bentoml/store.ts';

const present = new Set(['requirements.txt', 'setup.sh']);
const exists = (file: string) => present.has(file);

describe('bentofileProblem', () => {
  test.each([
    'service: "src.serve:Svc"\n',
    'service: service:svc\nlabels: {a: b}\ninclude: ["*.py"]\npython:\n  packages: [numpy]\n  requirements_txt: requirements.txt\n  lock_packages: false\ndocker:\n  python_version: "3.11"\n  setup_script: setup.sh\n  env: {A: "1"}\nmodels: ["m:v1"]\n',
    // The example project's own bentofile keys.
    'service: "src.serve:DigitsClassifier"\nlabels:\n  project: digits\ninclude:\n  - src/serve.py\npython:\n  packages:\n    - scikit-learn==1.9.1\n  lock_packages: false\ndocker:\n  python_version: "3.11"\n',
  ])('accepts a valid bentofile (%#)', (text) => {
    expect(bentofileProblem(text, exists)).toBeUndefined();
  });

  test.each([
    ['service: "a:B"\npython:\n  packages: [numpy\n', /^invalid YAML, /, 3],
    ['service: "a:B"\nservice: "c:D"\n', /^invalid YAML, .*unique/i, 2],
    ['- a\n', /^it is not a mapping/, 1],
    ['service: "a:B"\nbuild: 1\n', /^'build' is not a bentofile key/, 2],
    ['service: "a:B"\npython:\n  package: [x]\n', /^'python.package' is not a bentofile key/, 3],
    ['service: "a:B"\ndocker: debian\n', /^'docker' must be a mapping/, 2],
    ['include: [a]\n', /^it has no 'service'/, 1],
    ['service: svc\n', /^'service' is 'svc', not module:Service/, 1],
    ['service: "a:B"\ninclude: src\n', /^'include' must be a list of strings/, 2],
    ['service: "a:B"\npython:\n  packages: 3\n', /^'python.packages' must be a list of strings/, 3],
    ['service: "a:B"\nlabels: [a]\n', /^'labels' must be a mapping/, 2],
    [
      'service: "a:B"\npython:\n  requirements_txt: missing.txt\n',
      /^'python.requirements_txt' names 'missing.txt', which is not in the build context/,
      3,
    ],
  ])('refuses %j', (text, reason, line) => {
    const problem = bentofileProblem(text, exists);
    expect(problem?.reason).toMatch(reason);
    expect(problem?.line).toBe(line);
  });
});

describe('parseModelInUse', () => {
  test('reads the Bentos from BentoML refusing to delete a model', () => {
    const output =
      "Error: [models] `delete` failed: Model dummy:v1 is being used by the following bentos and can't be deleted:\n  svc:abc123\n  svc:def456\n";
    expect(parseModelInUse(output)).toEqual(['svc:abc123', 'svc:def456']);
  });

  test('is undefined for any other failure', () => {
    expect(parseModelInUse("Error: [models] `delete` failed: Model 'x:v1' is not found")).toBe(
      undefined,
    );
  });
});
