import { COMMANDS } from "./commands.ts";
import type { CommandIo } from "./command.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "./exit-codes.ts";

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n");
  return `Usage: 1tt COMMAND [options]

Commands:
${list}

Run "1tt COMMAND --help" for a command's options.

${EXIT_CODES_HELP}
`;
}

/** Runs one `1tt` invocation and returns its exit code; errors become messages on stderr. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`error: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`error: 1tt ${name} failed unexpectedly:\n${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}

if (import.meta.main) {
  // The bin wrapper runs us from the repository root; go back to where the user ran "1tt".
  if (process.env.ONETT_CWD) process.chdir(process.env.ONETT_CWD);
  process.on("SIGINT", () => {
    process.stderr.write("\nInterrupted. Run the same command again to resume from the finished shards.\n");
    process.exit(EXIT.interrupted);
  });
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
