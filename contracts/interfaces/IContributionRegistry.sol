// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Contribution registry
/// @notice Records preprocessed datasets: who contributed them, how many tokens they count after
/// preprocessing, and which report, pipeline and tokenizer produced that count.
/// @dev Roles:
/// - `ATTESTER_ROLE` signs attestations that registrations must carry, and may revoke datasets.
///   It cannot register a dataset without the contributor's consent, change a registered record,
///   or move funds.
/// - `PAUSER_ROLE` pauses and unpauses registration. Revocation and consent invalidation are
///   never paused.
/// - The default admin grants and revokes roles; handing the admin over waits for the delay set
///   at deployment.
interface IContributionRegistry {
    /*//////////////////////////////////////////////////////////////
                                 TYPES
    //////////////////////////////////////////////////////////////*/

    /// @notice The fields that the contributor consents to and the attester attests.
    /// @dev EIP-712 type `Dataset(bytes32 id,address contributor,uint64 tokenCount,bytes32 reportSha256,
    /// string reportCid,bytes32 pipelineId,bytes32 tokenizerId)`.
    struct DatasetTerms {
        bytes32 id;
        address contributor;
        uint64 tokenCount;
        bytes32 reportSha256;
        string reportCid;
        bytes32 pipelineId;
        bytes32 tokenizerId;
    }

    /// @notice One registration: the terms, the contributor's consent and the attester's attestation.
    /// @dev Consent is EIP-712 `Consent(Dataset dataset,uint256 nonce,uint64 deadline)` signed by the
    /// contributor (an EOA, or a contract wallet through ERC-1271); attestation is
    /// `Attestation(Dataset dataset,uint64 deadline)` signed by an `ATTESTER_ROLE` holder.
    struct Registration {
        DatasetTerms terms;
        uint64 consentDeadline;
        uint64 attestationDeadline;
        bytes consentSignature;
        bytes attestationSignature;
    }

    /// @notice A registered dataset as other contracts read it.
    /// @param contributor Zero when the dataset id is unknown.
    /// @param index Registration order, from 0; stable forever, so it can key bitmaps.
    struct DatasetRecord {
        address contributor;
        uint64 tokenCount;
        uint24 index;
        bool isRevoked;
    }

    /*//////////////////////////////////////////////////////////////
                                 ERRORS
    //////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a dataset id is registered a second time.
    error DatasetAlreadyRegistered(bytes32 datasetId);

    /// @notice Thrown when a registration names the zero address as contributor.
    error ZeroContributor(bytes32 datasetId);

    /// @notice Thrown when a registration counts zero tokens.
    error ZeroTokenCount(bytes32 datasetId);

    /// @notice Thrown when a registration has no report CID.
    error EmptyReportCid(bytes32 datasetId);

    /// @notice Thrown when the consent deadline has passed.
    error ConsentExpired(bytes32 datasetId, uint64 deadline, uint256 timestamp);

    /// @notice Thrown when the attestation deadline has passed.
    error AttestationExpired(bytes32 datasetId, uint64 deadline, uint256 timestamp);

    /// @notice Thrown when the consent is not signed by `contributor` for this chain, contract and
    /// nonce (a wrong signer, another chain, another contract, or an invalidated nonce).
    error InvalidConsent(bytes32 datasetId, address contributor, uint256 nonce);

    /// @notice Thrown when the attestation does not recover to an `ATTESTER_ROLE` holder.
    error InvalidAttestation(bytes32 datasetId, address recovered);

    /// @notice Thrown when a batch is empty.
    error EmptyBatch();

    /// @notice Thrown when every index that a dataset record can hold is used.
    error DatasetLimitReached(uint256 limit);

    /// @notice Thrown when revoking an unknown dataset.
    error UnknownDataset(bytes32 datasetId);

    /// @notice Thrown when revoking a dataset that is already revoked.
    error DatasetAlreadyRevoked(bytes32 datasetId);

    /// @notice Thrown when someone other than the contributor or an attester revokes a dataset.
    error NotContributorOrAttester(bytes32 datasetId, address caller);

    /*//////////////////////////////////////////////////////////////
                                 EVENTS
    //////////////////////////////////////////////////////////////*/

    /// @notice Emitted once per registered dataset, with every attested field.
    event DatasetRegistered(
        bytes32 indexed datasetId,
        address indexed contributor,
        address indexed attester,
        uint64 tokenCount,
        uint24 index,
        bytes32 reportSha256,
        string reportCid,
        bytes32 pipelineId,
        bytes32 tokenizerId
    );

    /// @notice Emitted when a dataset is revoked; it can no longer be attached to service versions.
    event DatasetRevoked(bytes32 indexed datasetId, address indexed revokedBy);

    /// @notice Emitted when a contributor invalidates every consent signed with an older nonce.
    event ConsentNonceIncremented(address indexed contributor, uint256 newNonce);

    /*//////////////////////////////////////////////////////////////
                               FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @notice Registers one dataset. Anyone may submit: the attester, the contributor or a relayer.
    /// @dev Replay is impossible because a dataset id registers once, ever; the nonce only lets a
    /// contributor invalidate consents that were signed but not yet submitted.
    function register(Registration calldata registration) external;

    /// @notice Registers several datasets; the whole batch reverts if one entry is invalid.
    function registerBatch(Registration[] calldata registrations) external;

    /// @notice Revokes a dataset so that no new service version can attach it. Versions that already
    /// attached it keep it: their weights are frozen or about to be. Callable by the contributor or
    /// an attester, also while paused.
    function revoke(bytes32 datasetId) external;

    /// @notice Invalidates every unsubmitted consent of the caller by incrementing its nonce.
    function incrementConsentNonce() external;

    /// @notice Pauses registration. Only `PAUSER_ROLE`.
    function pause() external;

    /// @notice Resumes registration. Only `PAUSER_ROLE`.
    function unpause() external;

    /// @notice Returns the record of `datasetId`; `contributor` is zero when it is unknown.
    function datasetRecord(bytes32 datasetId) external view returns (DatasetRecord memory);

    /// @notice Returns the records of several datasets in one call, in the order given.
    function datasetRecords(bytes32[] calldata datasetIds) external view returns (DatasetRecord[] memory);

    /// @notice Returns how many datasets were ever registered, revoked ones included.
    function datasetCount() external view returns (uint256);

    /// @notice Returns the nonce that a new consent of `contributor` must carry.
    function consentNonce(address contributor) external view returns (uint256);

    /// @notice Returns the EIP-712 digest that the contributor signs as consent.
    function consentDigest(DatasetTerms calldata terms, uint256 nonce, uint64 deadline) external view returns (bytes32);

    /// @notice Returns the EIP-712 digest that the attester signs.
    function attestationDigest(DatasetTerms calldata terms, uint64 deadline) external view returns (bytes32);
}
