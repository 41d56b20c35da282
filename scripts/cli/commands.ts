import type { Command } from "./command.ts";
import { consentNonceCommand, pauseCommand, revokeCommand, tokenCommand, unpauseCommand } from "./commands/admin.ts";
import { indexCommand } from "./commands/index.ts";
import { preprocessCommand } from "./commands/preprocess.ts";
import { proofCommand } from "./commands/proof.ts";
import { claimCommand, entitlementsCommand } from "./commands/claim.ts";
import { attestCommand, consentCommand } from "./commands/consent.ts";
import { deployCommand } from "./commands/deploy.ts";
import { depositCommand } from "./commands/deposit.ts";
import { keystoreCommand } from "./commands/keystore.ts";
import { nodeCommand } from "./commands/node.ts";
import { payoutCommand } from "./commands/payout.ts";
import { publishCommand } from "./commands/publish.ts";
import { registerCommand } from "./commands/register.ts";
import { serviceCommand, versionCommand } from "./commands/service.ts";
import { statementCommand } from "./commands/statement.ts";
import { verifyCommand } from "./commands/verify.ts";

/** Every `1tt` subcommand. A new command is one module in ./commands plus one line here. */
export const COMMANDS: readonly Command[] = [
  preprocessCommand, indexCommand, proofCommand,
  nodeCommand, deployCommand, keystoreCommand,
  publishCommand, consentCommand, attestCommand, registerCommand,
  serviceCommand, versionCommand, depositCommand,
  entitlementsCommand, claimCommand, payoutCommand, statementCommand, verifyCommand,
  tokenCommand, pauseCommand, unpauseCommand, revokeCommand, consentNonceCommand,
];
