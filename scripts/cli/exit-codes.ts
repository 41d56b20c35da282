/** Exit codes of every `1tt` command; `--help` prints this table. */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug, a full disk): the message and stack trace are printed. */
  failure: 1,
  /** Unknown command or option, or an option value that is out of range. */
  usage: 2,
  /** The input cannot be used: not found, or rejected lines or files under --strict. */
  input: 3,
  /** The output folder holds an unfinished run of other inputs or settings (see --fresh). */
  conflict: 4,
  /** Interrupted (Ctrl-C); a rerun with the same arguments resumes. */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0    success
  1    unexpected failure (bug or system error)
  2    invalid usage: unknown command or option, or an invalid option value
  3    invalid input: an input is missing, or --strict found rejected lines or skipped files
  4    the output folder holds an unfinished run of other inputs or settings (pass --fresh)
  130  interrupted; run the same command again to resume`;

/** An error that the CLI reports as one message and a specific exit code, without a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}
