import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError, EXIT } from "./exit-codes.ts";

/** Parses `argv` with node:util parseArgs, turning its errors into usage errors that name the command. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}. Run "1tt ${command} --help" for the options.`, EXIT.usage);
  }
}

/** Parses a whole number option, or raises a usage error naming the option and the allowed range. */
export function parseInteger(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new CliError(`invalid value for --${name}: "${value}"; expected a whole number from ${min} to ${max}.`, EXIT.usage);
  }
  return number;
}
