/**
 * Types of the plain-language copy for the contracts' custom errors. Each language maps an error
 * name to a function of the decoded arguments, so the copy can name the offending values.
 */

/** Formatters that error copy uses for the decoded arguments, in the reader's locale. */
export interface ErrorFormatters {
  /** A bytes32 id, shortened. */
  hex(value: unknown): string;
  integer(value: unknown): string;
  /** A token amount in base units, with decimals and symbol when the token is known. */
  amount(value: unknown): string;
  bps(value: unknown): string;
  /** A Unix timestamp in seconds, in KST and UTC. */
  time(value: unknown): string;
}

export type ErrorCopyFunction = (args: readonly unknown[], format: ErrorFormatters) => string;

/** Custom errors of the registry, the splitter and ERC-20 tokens that have copy in both languages. */
export const KNOWN_CONTRACT_ERRORS = [
  "AccessControlUnauthorizedAccount",
  "AttestationExpired",
  "ConsentExpired",
  "DatasetAlreadyRegistered",
  "DatasetAlreadyRevoked",
  "DatasetLimitReached",
  "EmptyBatch",
  "EmptyReportCid",
  "EnforcedPause",
  "ExpectedPause",
  "InvalidAttestation",
  "InvalidConsent",
  "NotContributorOrAttester",
  "UnknownDataset",
  "ZeroContributor",
  "ZeroTokenCount",
  "DatasetAlreadyAttached",
  "DatasetIsRevoked",
  "DepositRoundsToZero",
  "EmptyVersion",
  "InvalidPayoutAddress",
  "InvalidPayoutSignature",
  "InvalidRescueRecipient",
  "InvalidShare",
  "NothingToClaim",
  "PayoutSignatureExpired",
  "PayoutTokenNotAllowed",
  "ReentrancyGuardReentrantCall",
  "RescueExceedsSurplus",
  "SafeERC20FailedOperation",
  "ShareUnchanged",
  "TransferAmountMismatch",
  "UnknownService",
  "UnknownVersion",
  "VersionAlreadySealed",
  "VersionNotSealed",
  "ERC20InsufficientAllowance",
  "ERC20InsufficientBalance",
] as const;

export type KnownContractError = (typeof KNOWN_CONTRACT_ERRORS)[number];

export type ErrorCopy = Record<KnownContractError, ErrorCopyFunction>;
