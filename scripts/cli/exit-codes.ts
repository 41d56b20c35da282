/** Exit codes of every `1tt` command; `--help` prints this table. */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug, a full disk): the message and stack trace are printed. */
  failure: 1,
  /** Unknown command or option, or an option value that is out of range. */
  usage: 2,
  /** The input cannot be used: not found, or rejected lines or files under --strict. */
  input: 3,
  /** The output folder contains an unfinished run of other inputs or settings (see --fresh). */
  conflict: 4,
  /** The chain cannot be used: RPC endpoint unreachable, wrong chain, or no deployment recorded for it. */
  chain: 5,
  /** A contract rejected the transaction (the message decodes its error), or the command refused to send it. */
  rejected: 6,
  /** `1tt verify` found a mismatch between events, views, balances or reports. */
  mismatch: 7,
  /** No signing key is configured, or the keystore cannot be decrypted. */
  key: 8,
  /** Interrupted (Ctrl-C); a rerun with the same arguments resumes. */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0    success
  1    unexpected failure (bug or system error)
  2    invalid usage: unknown command or option, or an invalid option value
  3    invalid input: an input is missing, or --strict found rejected lines or skipped files
  4    the output folder contains an unfinished run of other inputs or settings (pass --fresh)
  5    chain error: the RPC endpoint is unreachable, is another chain, or has no deployment
  6    rejected: a contract reverted (the message says why) or the command refused to send
  7    verification found a mismatch
  8    no signing key is configured, or the keystore password is wrong
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
