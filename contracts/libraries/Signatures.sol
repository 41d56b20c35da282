// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title Signature checks for EOAs and ERC-1271 contract wallets
library Signatures {
    /// @notice Returns whether `signer` signed `digest`, as an EOA or through ERC-1271.
    /// @dev Tries ECDSA first so that an EOA signer costs no EXTCODESIZE on a cold account
    /// (2,600 gas); only when recovery does not yield `signer` and `signer` has code does it ask
    /// the wallet. OpenZeppelin's SignatureChecker checks the code first, which is the costlier
    /// order for the common EOA case.
    function isValidNow(address signer, bytes32 digest, bytes calldata signature) internal view returns (bool) {
        (address recovered, ECDSA.RecoverError error, ) = ECDSA.tryRecoverCalldata(digest, signature);
        if (error == ECDSA.RecoverError.NoError && recovered == signer) return true;
        if (signer.code.length == 0) return false;
        return SignatureChecker.isValidERC1271SignatureNowCalldata(signer, digest, signature);
    }
}
