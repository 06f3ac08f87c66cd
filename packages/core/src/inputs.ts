import { getInput } from '@actions/core';
import { InputError } from './pure/errors.ts';
import {
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  resolveInside,
} from './pure/inputs.ts';
import { setSecret } from './runtime.ts';

/** Inputs reads an action's `with:` values from INPUT_* variables, strictly, one typed getter per kind. */
export class Inputs {
  readonly workspace: string;
  private readonly env: Record<string, string | undefined>;

  constructor(env: Record<string, string | undefined> = process.env) {
    this.env = env;
    this.workspace = env['GITHUB_WORKSPACE'] || process.cwd();
  }

  /** raw returns an input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
  raw(name: string): string {
    // @actions/core reads the process's own environment; tests hand in a plain object instead.
    if (this.env === process.env) return getInput(name);
    return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  /** string returns an input, or throws when a required one is empty. */
  string(name: string, options: { required?: boolean } = {}): string {
    const value = this.raw(name);
    if (options.required && !value) {
      throw new InputError(
        name,
        'is required but empty',
        `Set it under 'with:' in the workflow step.`,
      );
    }
    return value;
  }

  /** optional returns an input, or undefined when it is empty. */
  optional(name: string): string | undefined {
    return this.raw(name) || undefined;
  }

  /** secret returns an input and masks it in the log at once. */
  secret(name: string, options: { required?: boolean } = {}): string {
    const value = this.string(name, options);
    setSecret(value);
    return value;
  }

  /** boolean accepts only true/True/TRUE/false/False/FALSE; empty takes `fallback`. */
  boolean(name: string, fallback = false): boolean {
    const value = this.raw(name);
    return value ? parseBoolean(name, value) : fallback;
  }

  /** list splits a multi-line (and with `comma`, comma-separated) input. */
  list(name: string, options: { comma?: boolean; required?: boolean } = {}): string[] {
    return parseList(this.string(name, options), options);
  }

  /** duration returns milliseconds from "30s", "5m", "1h30m" or a bare number of seconds. */
  duration(name: string, fallbackMs: number): number {
    const value = this.raw(name);
    return value ? parseDuration(name, value) : fallbackMs;
  }

  /** integer returns a whole number within [min, max]. */
  integer(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(name);
    return value ? parseInteger(name, value, min, max) : fallback;
  }

  /** oneOf returns one of `allowed` (case-insensitive); empty takes `fallback`. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    return value ? parseEnum(name, value, allowed) : fallback;
  }

  /** path resolves a path input against the workspace and refuses one outside it. */
  path(name: string, fallback = '.'): string {
    return resolveInside(name, this.workspace, this.raw(name) || fallback);
  }

  /** paths resolves a list of paths, each inside the workspace. */
  paths(name: string, options: { comma?: boolean; required?: boolean } = {}): string[] {
    return this.list(name, options).map((p) => resolveInside(name, this.workspace, p));
  }
}
