// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "./MockERC20.sol";

/// @title Test token that rejects transfers from or to blocked addresses, as USDC does
contract BlocklistToken is MockERC20 {
    error AddressBlocked(address account);

    mapping(address account => bool isBlocked) public isBlocked;

    constructor() MockERC20("Blocklist Token", "BLK", 6) {}

    function setBlocked(address account, bool blocked) external {
        isBlocked[account] = blocked;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (isBlocked[from]) revert AddressBlocked(from);
        if (isBlocked[to]) revert AddressBlocked(to);
        super._update(from, to, value);
    }
}
