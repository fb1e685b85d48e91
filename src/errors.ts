/**
 * A mistake in how the tool was called or in its environment (bad flag, missing path, no terminal).
 * The CLI prints the message on one line, without a stack trace, and exits 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The person pressed Ctrl-C at a prompt; the CLI explains how to resume and exits 130. */
export class InterruptedError extends Error {
  constructor(readonly resumeHint: string) {
    super('Interrupted.');
    this.name = 'InterruptedError';
  }
}

/** Content the command needs is invalid (control files, answers file, template): exit 1 with every problem. */
export class ContentError extends Error {
  constructor(
    readonly diagnostics: import('./diagnostics.js').Diagnostic[],
    summary = 'The content is not valid.',
  ) {
    super(summary);
    this.name = 'ContentError';
  }
}
