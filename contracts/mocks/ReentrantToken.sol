// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "./MockERC20.sol";

/// @title Test token whose transfers call back into a target, as tokens with transfer hooks can
/// @notice After each transfer it calls `target` with `payload` once and records whether that
/// call reverted and with what data, so a test can assert that the re-entry was rejected.
contract ReentrantToken is MockERC20 {
    address public target;
    bytes public payload;
    bool public reentryFailed;
    bytes public reentryError;
    bool private _isReentering;

    constructor() MockERC20("Reentrant Token", "REN", 18) {}

    function setReentry(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
        reentryFailed = false;
        delete reentryError;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (target == address(0) || _isReentering || from == address(0)) return;

        _isReentering = true;
        // solhint-disable-next-line avoid-low-level-calls
        (bool success, bytes memory data) = target.call(payload);
        _isReentering = false;
        reentryFailed = !success;
        reentryError = data;
    }
}
