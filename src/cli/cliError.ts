// A user mistake or an unusable input, printed as one line with no stack trace (STYLE §17).

/** Exit codes: 1 the check found problems, 2 the input could not be used. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 2) {
    super(message);
  }
}
