// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControlDefaultAdminRules} from
    "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

import {IContributionRegistry} from "./interfaces/IContributionRegistry.sol";
import {Signatures} from "./libraries/Signatures.sol";

/// @title Contribution registry
/// @notice See {IContributionRegistry}.
/// @dev Not upgradeable: registered records can never be rewritten, only revoked.
contract ContributionRegistry is IContributionRegistry, AccessControlDefaultAdminRules, Pausable, EIP712 {
    /*//////////////////////////////////////////////////////////////
                               CONSTANTS
    //////////////////////////////////////////////////////////////*/

    bytes32 public constant ATTESTER_ROLE = keccak256("ATTESTER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    // Nested EIP-712 types: the referenced Dataset type is appended to each primary type.
    bytes32 private constant DATASET_TYPEHASH = keccak256(
        "Dataset(bytes32 id,address contributor,uint64 tokenCount,bytes32 reportSha256,string reportCid,bytes32 pipelineId,bytes32 tokenizerId)"
    );
    bytes32 private constant CONSENT_TYPEHASH = keccak256(
        "Consent(Dataset dataset,uint256 nonce,uint64 deadline)"
        "Dataset(bytes32 id,address contributor,uint64 tokenCount,bytes32 reportSha256,string reportCid,bytes32 pipelineId,bytes32 tokenizerId)"
    );
    bytes32 private constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(Dataset dataset,uint64 deadline)"
        "Dataset(bytes32 id,address contributor,uint64 tokenCount,bytes32 reportSha256,string reportCid,bytes32 pipelineId,bytes32 tokenizerId)"
    );

    /// @dev Dataset indexes are uint24 so that a record fits one storage slot.
    uint256 private constant MAX_DATASETS = uint256(type(uint24).max) + 1;

    /*//////////////////////////////////////////////////////////////
                                STORAGE
    //////////////////////////////////////////////////////////////*/

    /// @dev One slot per dataset: 160 + 64 + 24 + 8 bits.
    mapping(bytes32 datasetId => DatasetRecord record) private _datasets;
    mapping(address contributor => uint256 nonce) private _consentNonces;
    uint256 private _datasetCount;

    /*//////////////////////////////////////////////////////////////
                              CONSTRUCTOR
    //////////////////////////////////////////////////////////////*/

    /// @param admin Default admin; it grants the attester and pauser roles after deployment.
    /// @param adminTransferDelay Seconds that a default admin transfer must wait.
    constructor(address admin, uint48 adminTransferDelay)
        AccessControlDefaultAdminRules(adminTransferDelay, admin)
        EIP712("1TT ContributionRegistry", "1")
    {}

    /*//////////////////////////////////////////////////////////////
                           EXTERNAL FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IContributionRegistry
    function register(Registration calldata registration) external whenNotPaused {
        uint256 index = _datasetCount;
        _register(registration, index);
        _datasetCount = index + 1;
    }

    /// @inheritdoc IContributionRegistry
    function registerBatch(Registration[] calldata registrations) external whenNotPaused {
        uint256 count = registrations.length;
        if (count == 0) revert EmptyBatch();

        uint256 firstIndex = _datasetCount;
        for (uint256 i; i < count; ++i) {
            _register(registrations[i], firstIndex + i);
        }
        _datasetCount = firstIndex + count;
    }

    /// @inheritdoc IContributionRegistry
    function revoke(bytes32 datasetId) external {
        DatasetRecord storage record = _datasets[datasetId];
        address contributor = record.contributor;
        if (contributor == address(0)) revert UnknownDataset(datasetId);
        if (msg.sender != contributor && !hasRole(ATTESTER_ROLE, msg.sender)) {
            revert NotContributorOrAttester(datasetId, msg.sender);
        }
        if (record.isRevoked) revert DatasetAlreadyRevoked(datasetId);

        record.isRevoked = true;

        emit DatasetRevoked(datasetId, msg.sender);
    }

    /// @inheritdoc IContributionRegistry
    function incrementConsentNonce() external {
        uint256 newNonce = ++_consentNonces[msg.sender];
        emit ConsentNonceIncremented(msg.sender, newNonce);
    }

    /// @inheritdoc IContributionRegistry
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @inheritdoc IContributionRegistry
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /// @inheritdoc IContributionRegistry
    function datasetRecord(bytes32 datasetId) external view returns (DatasetRecord memory) {
        return _datasets[datasetId];
    }

    /// @inheritdoc IContributionRegistry
    function datasetRecords(bytes32[] calldata datasetIds) external view returns (DatasetRecord[] memory records) {
        records = new DatasetRecord[](datasetIds.length);
        for (uint256 i; i < datasetIds.length; ++i) {
            records[i] = _datasets[datasetIds[i]];
        }
    }

    /// @inheritdoc IContributionRegistry
    function datasetCount() external view returns (uint256) {
        return _datasetCount;
    }

    /// @inheritdoc IContributionRegistry
    function consentNonce(address contributor) external view returns (uint256) {
        return _consentNonces[contributor];
    }

    /// @inheritdoc IContributionRegistry
    function consentDigest(DatasetTerms calldata terms, uint256 nonce, uint64 deadline) external view returns (bytes32) {
        return _consentDigest(_hashTerms(terms), nonce, deadline);
    }

    /// @inheritdoc IContributionRegistry
    function attestationDigest(DatasetTerms calldata terms, uint64 deadline) external view returns (bytes32) {
        return _attestationDigest(_hashTerms(terms), deadline);
    }

    /*//////////////////////////////////////////////////////////////
                           INTERNAL FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    function _register(Registration calldata registration, uint256 index) private {
        DatasetTerms calldata terms = registration.terms;
        bytes32 datasetId = terms.id;

        if (index >= MAX_DATASETS) revert DatasetLimitReached(MAX_DATASETS);
        if (terms.contributor == address(0)) revert ZeroContributor(datasetId);
        if (terms.tokenCount == 0) revert ZeroTokenCount(datasetId);
        if (bytes(terms.reportCid).length == 0) revert EmptyReportCid(datasetId);
        if (_datasets[datasetId].contributor != address(0)) revert DatasetAlreadyRegistered(datasetId);
        address attester = _verifySignatures(registration);

        // The index check above makes the uint24 cast lossless.
        _datasets[datasetId] = DatasetRecord({
            contributor: terms.contributor, tokenCount: terms.tokenCount, index: uint24(index), isRevoked: false
        });

        emit DatasetRegistered(
            datasetId,
            terms.contributor,
            attester,
            terms.tokenCount,
            uint24(index),
            terms.reportSha256,
            terms.reportCid,
            terms.pipelineId,
            terms.tokenizerId
        );
    }

    /// @dev Checks both deadlines and signatures and returns the attester.
    function _verifySignatures(Registration calldata registration) private view returns (address attester) {
        bytes32 datasetId = registration.terms.id;
        address contributor = registration.terms.contributor;
        uint64 consentDeadline = registration.consentDeadline;
        uint64 attestationDeadline = registration.attestationDeadline;
        if (block.timestamp > consentDeadline) revert ConsentExpired(datasetId, consentDeadline, block.timestamp);
        if (block.timestamp > attestationDeadline) {
            revert AttestationExpired(datasetId, attestationDeadline, block.timestamp);
        }

        bytes32 termsHash = _hashTerms(registration.terms);
        uint256 nonce = _consentNonces[contributor];
        bytes32 consent = _consentDigest(termsHash, nonce, consentDeadline);
        if (!Signatures.isValidNow(contributor, consent, registration.consentSignature)) {
            revert InvalidConsent(datasetId, contributor, nonce);
        }

        bytes32 attestation = _attestationDigest(termsHash, attestationDeadline);
        ECDSA.RecoverError error;
        (attester, error, ) = ECDSA.tryRecoverCalldata(attestation, registration.attestationSignature);
        if (error != ECDSA.RecoverError.NoError || !hasRole(ATTESTER_ROLE, attester)) {
            revert InvalidAttestation(datasetId, attester);
        }
    }

    function _hashTerms(DatasetTerms calldata terms) private pure returns (bytes32) {
        return keccak256(
            abi.encode(
                DATASET_TYPEHASH,
                terms.id,
                terms.contributor,
                terms.tokenCount,
                terms.reportSha256,
                keccak256(bytes(terms.reportCid)),
                terms.pipelineId,
                terms.tokenizerId
            )
        );
    }

    function _consentDigest(bytes32 termsHash, uint256 nonce, uint64 deadline) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(CONSENT_TYPEHASH, termsHash, nonce, deadline)));
    }

    function _attestationDigest(bytes32 termsHash, uint64 deadline) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(ATTESTATION_TYPEHASH, termsHash, deadline)));
    }
}
