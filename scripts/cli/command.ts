/** Streams and environment a command runs with; tests pass their own. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One `1tt` subcommand. Commands parse arguments and print; the work lives in library modules. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text of the command. */
  help: string;
  /** Runs the command and returns its exit code. */
  run(argv: string[], io: CommandIo): Promise<number>;
}
