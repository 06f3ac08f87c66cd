// Where the monorepo is, found from this file (never a fixed path), and its tags.
import { execFileSync } from 'node:child_process';

/** The root of the monorepo this package lives in. */
export const monorepoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: import.meta.dirname,
  encoding: 'utf8',
}).trim();

/** tagCommits maps each tag of a repository to the commit it names (annotated tags peeled). */
export function tagCommits(gitDir: string): Map<string, string> {
  const out = execFileSync(
    'git',
    ['for-each-ref', '--format=%(refname:short) %(objectname) %(*objectname)', 'refs/tags'],
    { cwd: gitDir, encoding: 'utf8' },
  );
  const tags = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [name = '', object = '', peeled = ''] = line.split(' ');
    tags.set(name, peeled || object);
  }
  return tags;
}
