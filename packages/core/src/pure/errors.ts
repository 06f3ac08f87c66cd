/** Where an error points in a file, for an `::error file=…,line=…::` annotation. */
export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

/** ActionError is a failure whose message is written for the user: what happened, then what to do. */
export class ActionError extends Error {
  readonly hint: string | undefined;
  readonly location: ErrorLocation | undefined;

  constructor(
    message: string,
    options: { hint?: string; location?: ErrorLocation; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ActionError';
    this.hint = options.hint;
    this.location = options.location;
  }
}

/** InputError is an ActionError about one input of the action. */
export class InputError extends ActionError {
  readonly input: string;

  constructor(input: string, message: string, hint?: string) {
    super(`input '${input}' ${message}`, hint === undefined ? {} : { hint });
    this.name = 'InputError';
    this.input = input;
  }
}

/** errorMessage extracts a one-line, human-readable message from any thrown value. */
export function errorMessage(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    text = error.message || error.name;
  } else if (typeof error === 'string') {
    text = error;
  } else if (error && typeof error === 'object' && 'message' in error) {
    text = String((error as { message: unknown }).message);
  } else {
    try {
      text = JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
  }
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  return oneLine || 'unknown error';
}

/** failureLine builds the single line an action fails with: "<action> failed: <what>. <what to do>." */
export function failureLine(action: string, error: unknown): string {
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  let line = `${action} failed: ${sentence(errorMessage(error))}`;
  if (error instanceof ActionError && error.hint) line += ` ${sentence(errorMessage(error.hint))}`;
  return line;
}

/**
 * parseErrorMessage is the one way every action says a file does not parse: `dvc.yaml:4 does not
 * parse: invalid YAML, <what the parser saw>` (the line left out when it is not known).
 */
export function parseErrorMessage(file: string, line: number | undefined, reason: string): string {
  return `${file}${line ? `:${line}` : ''} does not parse: ${reason}`;
}

/** FileParseError is a file an action reads that does not parse, with an annotation on its line. */
export class FileParseError extends ActionError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, reason: string, hint: string) {
    super(parseErrorMessage(file, line, reason), {
      hint,
      location: line === undefined ? { file } : { file, line },
    });
    this.name = 'FileParseError';
    this.file = file;
    this.line = line;
  }
}
