// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRevenueSplitter} from "../interfaces/IRevenueSplitter.sol";

/// @title Test contract that emits the splitter's deposit and claim events without holding funds
/// @notice A verifier must ignore such look-alike events, and must fail when a deployment record
/// points at such a contract instead of the real splitter.
contract EventForger {
    function forgeDeposit(uint256 serviceId, uint256 version, uint256 amount) external {
        emit IRevenueSplitter.Deposited(serviceId, version, msg.sender, bytes32(0), amount * 10, 1_000, amount, amount, 0);
    }

    function forgeClaim(address contributor, uint256 serviceId, uint256 version, uint256 amount) external {
        emit IRevenueSplitter.Claimed(contributor, serviceId, version, contributor, amount);
    }
}
