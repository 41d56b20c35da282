// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Vm} from "forge-std/Vm.sol";

import {IContributionRegistry} from "../../../contracts/interfaces/IContributionRegistry.sol";

/// @title Signed registrations for tests
/// @notice Builds registrations whose consent and attestation are signed with `vm.sign` over the
/// registry's own digest views, so tests exercise the same EIP-712 hashing that the registry checks.
library SignedRegistrations {
    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice How long a test signature stays valid after the current block.
    uint64 internal constant SIGNATURE_LIFETIME = 1 hours;

    /// @notice A syntactically plausible CIDv1; the registry only requires a non-empty CID.
    string internal constant REPORT_CID = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

    /// @notice Returns dataset terms with fixed report, pipeline and tokenizer fields.
    function terms(bytes32 datasetId, address contributor, uint64 tokenCount)
        internal
        pure
        returns (IContributionRegistry.DatasetTerms memory)
    {
        return IContributionRegistry.DatasetTerms({
            id: datasetId,
            contributor: contributor,
            tokenCount: tokenCount,
            reportSha256: keccak256(abi.encode("report", datasetId)),
            reportCid: REPORT_CID,
            pipelineId: keccak256("1tt-preprocess/1"),
            tokenizerId: keccak256("o200k_base")
        });
    }

    /// @notice Signs a registration of `datasetTerms`.
    /// @param consentKey Private key of the contributor, or of the owner of an ERC-1271 contributor.
    /// @param attesterKey Private key of an `ATTESTER_ROLE` holder.
    function sign(
        IContributionRegistry registry,
        IContributionRegistry.DatasetTerms memory datasetTerms,
        uint256 consentKey,
        uint256 attesterKey
    ) internal view returns (IContributionRegistry.Registration memory registration) {
        uint64 deadline = uint64(block.timestamp) + SIGNATURE_LIFETIME;
        uint256 nonce = registry.consentNonce(datasetTerms.contributor);

        registration.terms = datasetTerms;
        registration.consentDeadline = deadline;
        registration.attestationDeadline = deadline;
        registration.consentSignature = _sign(consentKey, registry.consentDigest(datasetTerms, nonce, deadline));
        registration.attestationSignature = _sign(attesterKey, registry.attestationDigest(datasetTerms, deadline));
    }

    function _sign(uint256 privateKey, bytes32 digest) private pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(privateKey, digest);
        return abi.encodePacked(r, s, v);
    }
}
