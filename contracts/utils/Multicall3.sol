// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Batched read calls for chains without the canonical Multicall3 deployment
/// @notice Implements Multicall3's `aggregate3`, the one function that viem's `multicall` uses, so
/// that the web app and the verifier read many views in one RPC request on a local chain too.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Thrown when a call that does not allow failure reverts.
    error CallFailed(uint256 index, bytes returnData);

    /// @notice Calls each target in order and returns every result.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            // solhint-disable-next-line avoid-low-level-calls
            (bool success, bytes memory returnData) = calls[i].target.call(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert CallFailed(i, returnData);
            results[i] = Result(success, returnData);
        }
    }
}
