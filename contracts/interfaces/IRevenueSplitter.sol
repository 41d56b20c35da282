// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Revenue splitter
/// @notice Holds each service's terms, freezes per-version weights (tokens per contributor), takes
/// the consumer's revenue-share deposits and pays contributors when they claim.
/// @dev Roles:
/// - `CONSUMER_ROLE` creates services, changes shares, opens, fills and seals versions, and
///   deposits. It cannot lower a share without the notice period, change a sealed version, or take
///   back a deposit.
/// - `PAUSER_ROLE` pauses and unpauses attaching and deposits. Claims are never paused.
/// - The default admin allow-lists payout tokens, grants roles and rescues tokens above total
///   liabilities; handing the admin over waits for the delay set at deployment.
/// No role can move funds owed to contributors.
///
/// Invariants, each backed by a fuzz or invariant test:
/// - per version, `revenuePerWeight * totalWeight + remainder == totalDeposited * REVENUE_SCALE`,
///   so the sum of claimed and claimable plus the carried remainder equals the deposits, less under
///   one unit per contributor of rounding dust;
/// - the contract's balance of each payout token covers its liabilities (deposited minus claimed);
/// - a claim never pays more than `weight * revenuePerWeight / REVENUE_SCALE - claimed`;
/// - weights and the total weight never change after a version is sealed.
///
/// @dev Warning: payout tokens must be plain ERC-20s. Fee-on-transfer tokens are rejected at deposit;
/// rebasing tokens would break the liability accounting and must not be allow-listed. A token that
/// blocks the contributor's address makes its claims revert until the contributor sets another
/// payout address.
interface IRevenueSplitter {
    /*//////////////////////////////////////////////////////////////
                                 TYPES
    //////////////////////////////////////////////////////////////*/

    /// @notice A service's terms as stored: one slot.
    /// @param shareBps Share set by the last change that took effect immediately.
    /// @param pendingShareBps Lower share waiting for its notice period; meaningful when
    /// `pendingShareAt` is not zero.
    /// @param pendingShareAt Timestamp from which `pendingShareBps` is in force; zero when none.
    struct Service {
        address token;
        uint16 shareBps;
        uint16 pendingShareBps;
        uint32 pendingShareAt;
        uint32 versionCount;
    }

    /// @notice A service version (a model release).
    /// @param totalWeight Sum of the token counts of the attached datasets.
    /// @param sealedAt Timestamp of the seal; zero while datasets can still be attached.
    /// @param revenuePerWeight Deposits per unit of weight, scaled by `REVENUE_SCALE`.
    /// @param remainder Part of `totalDeposited * REVENUE_SCALE` not yet spread, carried into the
    /// next deposit; always below `totalWeight`.
    struct Version {
        uint96 totalWeight;
        uint32 datasetCount;
        uint32 contributorCount;
        uint40 sealedAt;
        uint256 revenuePerWeight;
        uint160 totalDeposited;
        uint96 remainder;
    }

    /// @notice A contributor's weight in one version and the amount it has claimed there.
    struct Position {
        uint96 weight;
        uint160 claimed;
    }

    /// @notice A (service, version) pair, as claims and views take it.
    struct VersionRef {
        uint256 serviceId;
        uint256 version;
    }

    /*//////////////////////////////////////////////////////////////
                                 ERRORS
    //////////////////////////////////////////////////////////////*/

    /// @notice Thrown when no service has this id.
    error UnknownService(uint256 serviceId);

    /// @notice Thrown when the service has no version with this number.
    error UnknownVersion(uint256 serviceId, uint256 version);

    /// @notice Thrown when a service or deposit uses a token that is not allow-listed.
    error PayoutTokenNotAllowed(address token);

    /// @notice Thrown when a share is zero at creation or above `BPS_DENOMINATOR`.
    error InvalidShare(uint256 shareBps, uint256 maxShareBps);

    /// @notice Thrown when a share change would change nothing.
    error ShareUnchanged(uint256 serviceId, uint256 shareBps);

    /// @notice Thrown when attaching to or sealing a version that is already sealed.
    error VersionAlreadySealed(uint256 serviceId, uint256 version);

    /// @notice Thrown when depositing to a version that is not sealed yet.
    error VersionNotSealed(uint256 serviceId, uint256 version);

    /// @notice Thrown when sealing a version with no datasets, whose total weight is zero.
    error EmptyVersion(uint256 serviceId, uint256 version);

    /// @notice Thrown when a batch is empty.
    error EmptyBatch();

    /// @notice Thrown when attaching a dataset that the registry does not know.
    error UnknownDataset(bytes32 datasetId);

    /// @notice Thrown when attaching a revoked dataset.
    error DatasetIsRevoked(bytes32 datasetId);

    /// @notice Thrown when a dataset is attached to the same version twice, also within one batch.
    error DatasetAlreadyAttached(uint256 serviceId, uint256 version, bytes32 datasetId);

    /// @notice Thrown when gross revenue times the share in force is zero.
    error DepositRoundsToZero(uint256 grossRevenue, uint256 shareBps);

    /// @notice Thrown when the contract received another amount than it pulled, as with
    /// fee-on-transfer tokens.
    error TransferAmountMismatch(address token, uint256 expected, uint256 received);

    /// @notice Thrown when a claim finds nothing owed in any of the given versions.
    error NothingToClaim(address contributor);

    /// @notice Thrown when the payout address is this contract.
    error InvalidPayoutAddress(address payout);

    /// @notice Thrown when a payout-address signature is past its deadline.
    error PayoutSignatureExpired(uint64 deadline, uint256 timestamp);

    /// @notice Thrown when a payout-address signature is not the contributor's for this nonce.
    error InvalidPayoutSignature(address contributor, uint256 nonce);

    /// @notice Thrown when a rescue asks for more than the balance above liabilities.
    error RescueExceedsSurplus(address token, uint256 requested, uint256 surplus);

    /// @notice Thrown when a rescue names the zero address as recipient.
    error InvalidRescueRecipient(address to);

    /*//////////////////////////////////////////////////////////////
                                 EVENTS
    //////////////////////////////////////////////////////////////*/

    /// @notice Emitted when a token is added to or removed from the payout allow-list.
    event PayoutTokenAllowlistSet(address indexed token, bool isAllowed);

    /// @notice Emitted when a service is created.
    event ServiceCreated(
        uint256 indexed serviceId, address indexed token, uint16 shareBps, string name, address indexed consumer
    );

    /// @notice Emitted on every share change. An increase has `effectiveAt` equal to the block time
    /// and cancels a pending decrease; a decrease takes effect at `effectiveAt`, replacing any
    /// pending one.
    event ShareChanged(uint256 indexed serviceId, uint16 previousShareBps, uint16 newShareBps, uint32 effectiveAt);

    /// @notice Emitted when a version is opened for attaching.
    event VersionOpened(uint256 indexed serviceId, uint256 indexed version);

    /// @notice Emitted per attached batch, with the version's totals after the batch.
    event DatasetsAttached(
        uint256 indexed serviceId,
        uint256 indexed version,
        bytes32[] datasetIds,
        uint96 totalWeight,
        uint32 datasetCount,
        uint32 contributorCount
    );

    /// @notice Emitted when a version is sealed; its weights are frozen from then on.
    event VersionSealed(
        uint256 indexed serviceId, uint256 indexed version, uint96 totalWeight, uint32 datasetCount, uint32 contributorCount
    );

    /// @notice Emitted per deposit, with the share applied and the accumulator after the deposit.
    event Deposited(
        uint256 indexed serviceId,
        uint256 indexed version,
        address indexed payer,
        bytes32 period,
        uint256 grossRevenue,
        uint16 shareBps,
        uint256 amount,
        uint256 revenuePerWeight,
        uint96 remainder
    );

    /// @notice Emitted per (version, contributor) that a claim paid.
    event Claimed(
        address indexed contributor, uint256 indexed serviceId, uint256 indexed version, address payout, uint256 amount
    );

    /// @notice Emitted when a contributor sets where its claims are paid; zero means to itself.
    event PayoutAddressSet(address indexed contributor, address indexed payout);

    /// @notice Emitted when the admin takes tokens above liabilities out of the contract.
    event TokensRescued(address indexed token, address indexed to, uint256 amount);

    /*//////////////////////////////////////////////////////////////
                           ADMIN FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @notice Adds `token` to or removes it from the payout allow-list. Only the default admin.
    /// @dev Removal stops new services and deposits in that token; claims of what was deposited go on.
    function setPayoutTokenAllowed(address token, bool isAllowed) external;

    /// @notice Sends `amount` of `token` that exceeds the contract's liabilities to `to`. Only the
    /// default admin. Tokens owed to contributors can never be rescued.
    function rescue(address token, address to, uint256 amount) external;

    /// @notice Pauses attaching and deposits. Only `PAUSER_ROLE`.
    function pause() external;

    /// @notice Resumes attaching and deposits. Only `PAUSER_ROLE`.
    function unpause() external;

    /*//////////////////////////////////////////////////////////////
                          CONSUMER FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @notice Creates a service paying `shareBps` basis points of its revenue in `token`.
    /// @return serviceId The new service's id, counting from 1.
    function createService(string calldata name, address token, uint16 shareBps) external returns (uint256 serviceId);

    /// @notice Changes a service's share: an increase applies at once, a decrease after the notice
    /// period fixed at deployment. Deposits already made keep the share they were made with.
    /// @dev A new share of 0 is a decrease like any other: it lets a consumer end a service's
    /// payments with notice, after which deposits revert with `DepositRoundsToZero`.
    function setShare(uint256 serviceId, uint16 newShareBps) external;

    /// @notice Opens the next version of a service.
    /// @return version The new version's number, counting from 1 within the service.
    function openVersion(uint256 serviceId) external returns (uint256 version);

    /// @notice Attaches registered, unrevoked datasets to an open version.
    /// @dev Gas per dataset is flat when the batch's datasets were registered close together: the
    /// duplicate check keeps one bit per dataset index, 256 to a storage word.
    function attachDatasets(uint256 serviceId, uint256 version, bytes32[] calldata datasetIds) external;

    /// @notice Seals a version: its weights and total weight are frozen and deposits may start.
    function sealVersion(uint256 serviceId, uint256 version) external;

    /// @notice Pulls `grossRevenue` times the share in force, rounded up, from the caller and spreads
    /// it over the version's weights.
    /// @dev Warning: the caller must have approved the amount; `previewDeposit` returns it.
    /// The period is a label for accounting (for example "2026-11"); the contract does not check it.
    /// @return amount The amount deposited.
    function deposit(uint256 serviceId, uint256 version, uint256 grossRevenue, bytes32 period)
        external
        returns (uint256 amount);

    /*//////////////////////////////////////////////////////////////
                         CONTRIBUTOR FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @notice Pays `contributor` everything owed in the given versions, to its payout address, with
    /// one transfer per token. Anyone may call; never paused. Versions with nothing owed are skipped.
    function claim(address contributor, VersionRef[] calldata versions) external;

    /// @notice Sets where the caller's claims are paid; zero pays the caller itself.
    function setPayoutAddress(address payout) external;

    /// @notice Sets a contributor's payout address from its EIP-712 signature
    /// `PayoutAddress(address contributor,address payout,uint256 nonce,uint64 deadline)` (EOA or
    /// ERC-1271), so that a contributor whose address the token blocks can still redirect.
    function setPayoutAddressWithSig(address contributor, address payout, uint64 deadline, bytes calldata signature)
        external;

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @notice Returns a service's stored terms.
    function service(uint256 serviceId) external view returns (Service memory);

    /// @notice Returns the share that a deposit made now would use.
    function shareInForce(uint256 serviceId) external view returns (uint16);

    /// @notice Returns how many services exist; ids run from 1 to this number.
    function serviceCount() external view returns (uint256);

    /// @notice Returns a version's state.
    function version(uint256 serviceId, uint256 version) external view returns (Version memory);

    /// @notice Returns `contributor`'s position in each given version and what it could claim there now.
    function positions(address contributor, VersionRef[] calldata versions)
        external
        view
        returns (Position[] memory positions, uint256[] memory claimable);

    /// @notice Returns the amount that `deposit` would pull for this gross revenue now.
    function previewDeposit(uint256 serviceId, uint256 grossRevenue) external view returns (uint256);

    /// @notice Returns where `contributor`'s claims are paid.
    function payoutAddress(address contributor) external view returns (address);

    /// @notice Returns the nonce that the next payout-address signature of `contributor` must carry.
    function payoutNonce(address contributor) external view returns (uint256);

    /// @notice Returns the amount of `token` deposited and not yet claimed.
    function liabilities(address token) external view returns (uint256);

    /// @notice Returns whether `token` is on the payout allow-list.
    function isPayoutTokenAllowed(address token) external view returns (bool);
}
