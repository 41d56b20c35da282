// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "./MockERC20.sol";

/// @title Test token that burns 1% of every transfer, as fee-on-transfer tokens do
contract FeeOnTransferToken is MockERC20 {
    uint256 private constant FEE_BPS = 100;
    uint256 private constant BPS_DENOMINATOR = 10_000;

    constructor() MockERC20("Fee Token", "FEE", 18) {}

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = value * FEE_BPS / BPS_DENOMINATOR;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
