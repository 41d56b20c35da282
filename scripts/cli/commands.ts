import type { Command } from "./command.ts";
import { indexCommand } from "./commands/index.ts";
import { preprocessCommand } from "./commands/preprocess.ts";
import { proofCommand } from "./commands/proof.ts";

/** Every `1tt` subcommand. A new command is one module in ./commands plus one line here. */
export const COMMANDS: readonly Command[] = [preprocessCommand, indexCommand, proofCommand];
