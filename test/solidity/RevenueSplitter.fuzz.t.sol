// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IRevenueSplitter} from "../../contracts/interfaces/IRevenueSplitter.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {SplitterFixture} from "./utils/SplitterFixture.sol";

/// @title Fuzzed properties of deposits, share changes and claims
contract RevenueSplitterFuzzTest is SplitterFixture {
    uint256 internal constant MAX_CONTRIBUTORS = 8;
    uint256 internal constant MAX_DEPOSITS = 6;
    uint16 internal constant DEFAULT_SHARE_BPS = 2_000;

    /// @notice Longest wait that the share tests warp over: three notice periods.
    uint256 internal constant MAX_SHARE_WAIT = 3 * uint256(SHARE_DECREASE_NOTICE);

    /*//////////////////////////////////////////////////////////////
                            ACCUMULATOR
    //////////////////////////////////////////////////////////////*/

    /// @notice A remainder of one deposit reaches contributors with the next: three deposits of one
    /// unit over three equal weights pay each contributor exactly one unit.
    function test_deposit_RemainderCarriesIntoNextDeposit() public {
        uint64[] memory weights = new uint64[](3);
        weights[0] = 1;
        weights[1] = 1;
        weights[2] = 1;
        (uint256 serviceId, uint256 version) = _sealedVersion(token2, uint16(BPS_DENOMINATOR), weights);

        _deposit(serviceId, version, 1);
        IRevenueSplitter.Version memory afterFirst = splitter.version(serviceId, version);
        assertEq(afterFirst.revenuePerWeight, REVENUE_SCALE / 3, "first deposit rounds the accumulator down");
        assertEq(afterFirst.remainder, 1, "first deposit carries one scaled unit");

        _deposit(serviceId, version, 1);
        _deposit(serviceId, version, 1);
        IRevenueSplitter.Version memory afterThird = splitter.version(serviceId, version);
        assertEq(afterThird.revenuePerWeight, REVENUE_SCALE, "carried remainders complete a whole unit per weight");
        assertEq(afterThird.remainder, 0, "nothing is left to carry");

        for (uint256 i; i < weights.length; ++i) {
            (, uint256 claimable) = _position(_contributor(i), serviceId, version);
            assertEq(claimable, 1, "each contributor is owed one unit");
        }
    }

    /// @notice After every deposit, `revenuePerWeight * totalWeight + remainder` equals the scaled
    /// deposits exactly, and the remainder stays below the total weight.
    function testFuzz_deposit_AccumulatorIsExact(
        uint64[MAX_CONTRIBUTORS] memory tokenCounts,
        uint256 contributorCount,
        uint256[MAX_DEPOSITS] memory grossRevenues,
        uint256 depositCount
    ) public {
        (uint256 serviceId, uint256 version,) = _sealedFuzzedVersion(tokenCounts, contributorCount);
        depositCount = bound(depositCount, 1, MAX_DEPOSITS);

        uint256 deposited;
        for (uint256 k; k < depositCount; ++k) {
            deposited += _deposit(serviceId, version, _boundGrossRevenue(grossRevenues[k], token6));

            IRevenueSplitter.Version memory state = splitter.version(serviceId, version);
            assertEq(state.totalDeposited, deposited, "totalDeposited sums the deposits");
            assertEq(
                state.revenuePerWeight * state.totalWeight + state.remainder,
                deposited * REVENUE_SCALE,
                "accumulator times weight plus remainder equals scaled deposits"
            );
            assertLt(state.remainder, state.totalWeight, "remainder stays below the total weight");
        }
    }

    /// @notice With claims between deposits, no claim pays more than the contributor's exact share
    /// `weight * deposits / totalWeight`, and claimed plus claimable plus the carried remainder equals
    /// the deposits, short by less than one unit per contributor.
    function testFuzz_claim_PaysAtMostExactShare(
        uint64[MAX_CONTRIBUTORS] memory tokenCounts,
        uint256 contributorCount,
        uint256[MAX_DEPOSITS] memory grossRevenues,
        uint256 claimerSeed
    ) public {
        (uint256 serviceId, uint256 version, uint256 n) = _sealedFuzzedVersion(tokenCounts, contributorCount);
        uint256 totalWeight = splitter.version(serviceId, version).totalWeight;

        uint256 deposited;
        for (uint256 k; k < MAX_DEPOSITS; ++k) {
            deposited += _deposit(serviceId, version, _boundGrossRevenue(grossRevenues[k], token6));

            address claimer = _contributor((claimerSeed % n + k) % n);
            (IRevenueSplitter.Position memory before, uint256 owed) = _position(claimer, serviceId, version);
            if (owed == 0) continue;
            uint256 balanceBefore = token6.balanceOf(claimer);
            splitter.claim(claimer, _refs(serviceId, version));

            uint256 exactShare = Math.mulDiv(before.weight, deposited, totalWeight);
            assertEq(token6.balanceOf(claimer) - balanceBefore, owed, "claim pays what positions quoted");
            assertLe(before.claimed + owed, exactShare, "claimed total stays within the exact share");
        }

        _assertClaimsAddUpToDeposits(serviceId, version, n, deposited);
        assertEq(
            token6.balanceOf(address(splitter)), splitter.liabilities(address(token6)), "balance equals liabilities"
        );
    }

    /*//////////////////////////////////////////////////////////////
                           DEPOSIT AMOUNT
    //////////////////////////////////////////////////////////////*/

    function testFuzz_deposit_AmountRoundsUp_18Decimals(uint256 grossRevenue, uint256 shareBps) public {
        _assertDepositRoundsUp(token18, grossRevenue, shareBps);
    }

    function testFuzz_deposit_AmountRoundsUp_6Decimals(uint256 grossRevenue, uint256 shareBps) public {
        _assertDepositRoundsUp(token6, grossRevenue, shareBps);
    }

    function testFuzz_deposit_AmountRoundsUp_2Decimals(uint256 grossRevenue, uint256 shareBps) public {
        _assertDepositRoundsUp(token2, grossRevenue, shareBps);
    }

    /*//////////////////////////////////////////////////////////////
                           SHARE CHANGES
    //////////////////////////////////////////////////////////////*/

    function testFuzz_setShare_IncreaseAppliesAtOnce(uint256 initialBps, uint256 newBps, uint256 grossRevenue)
        public
    {
        uint16 initial = uint16(bound(initialBps, 1, BPS_DENOMINATOR - 1));
        uint16 increased = uint16(bound(newBps, initial + 1, BPS_DENOMINATOR));
        (uint256 serviceId, uint256 version) = _sealedVersion(token6, initial, _oneWeight());
        grossRevenue = _boundGrossRevenue(grossRevenue, token6);

        vm.expectEmit(address(splitter));
        emit IRevenueSplitter.ShareChanged(serviceId, initial, increased, uint32(block.timestamp));
        vm.prank(consumer);
        splitter.setShare(serviceId, increased);

        assertEq(splitter.shareInForce(serviceId), increased, "increase is in force in the same block");
        assertEq(_deposit(serviceId, version, grossRevenue), _ceilShare(grossRevenue, increased), "deposit uses it");
    }

    function testFuzz_setShare_DecreaseWaitsForNotice(
        uint256 initialBps,
        uint256 newBps,
        uint256 elapsed,
        uint256 grossRevenue
    ) public {
        uint16 initial = uint16(bound(initialBps, 2, BPS_DENOMINATOR));
        uint16 decreased = uint16(bound(newBps, 1, initial - 1));
        elapsed = bound(elapsed, 0, MAX_SHARE_WAIT);
        (uint256 serviceId, uint256 version) = _sealedVersion(token2, initial, _oneWeight());
        grossRevenue = _boundGrossRevenue(grossRevenue, token2);

        uint256 scheduledAt = block.timestamp;
        vm.expectEmit(address(splitter));
        emit IRevenueSplitter.ShareChanged(
            serviceId, initial, decreased, uint32(scheduledAt + SHARE_DECREASE_NOTICE)
        );
        vm.prank(consumer);
        splitter.setShare(serviceId, decreased);

        vm.warp(scheduledAt + SHARE_DECREASE_NOTICE - 1);
        assertEq(splitter.shareInForce(serviceId), initial, "old share until the last second of the notice");
        vm.warp(scheduledAt + SHARE_DECREASE_NOTICE);
        assertEq(splitter.shareInForce(serviceId), decreased, "new share from the end of the notice");

        vm.warp(scheduledAt + elapsed);
        uint16 expectedShare = elapsed >= SHARE_DECREASE_NOTICE ? decreased : initial;
        assertEq(splitter.shareInForce(serviceId), expectedShare, "decrease waits for the notice");
        assertEq(_deposit(serviceId, version, grossRevenue), _ceilShare(grossRevenue, expectedShare), "deposit uses it");
    }

    /// @notice A deposit keeps the share that it was made with: a later decrease lowers only later
    /// deposits, and the contributor's entitlement from the first is untouched.
    function testFuzz_setShare_EarlierDepositsKeepTheirShare(
        uint256 initialBps,
        uint256 newBps,
        uint256 elapsed,
        uint256 firstGross,
        uint256 secondGross
    ) public {
        uint16 initial = uint16(bound(initialBps, 2, BPS_DENOMINATOR));
        uint16 decreased = uint16(bound(newBps, 1, initial - 1));
        elapsed = bound(elapsed, SHARE_DECREASE_NOTICE, MAX_SHARE_WAIT);
        (uint256 serviceId, uint256 version) = _sealedVersion(token18, initial, _oneWeight());
        firstGross = _boundGrossRevenue(firstGross, token18);
        secondGross = _boundGrossRevenue(secondGross, token18);

        uint256 firstAmount = _deposit(serviceId, version, firstGross);
        (, uint256 owedBefore) = _position(_contributor(0), serviceId, version);

        vm.prank(consumer);
        splitter.setShare(serviceId, decreased);
        (, uint256 owedAfterChange) = _position(_contributor(0), serviceId, version);
        assertEq(owedAfterChange, owedBefore, "scheduling a decrease leaves earlier deposits alone");

        vm.warp(block.timestamp + elapsed);
        uint256 secondAmount = _deposit(serviceId, version, secondGross);

        assertEq(firstAmount, _ceilShare(firstGross, initial), "first deposit used the initial share");
        assertEq(secondAmount, _ceilShare(secondGross, decreased), "second deposit used the lower share");
        assertEq(
            splitter.version(serviceId, version).totalDeposited,
            firstAmount + secondAmount,
            "version keeps both amounts"
        );
    }

    /// @notice An increase (or re-setting the share in force) before the notice ends drops the pending
    /// decrease for good.
    function testFuzz_setShare_IncreaseCancelsPendingDecrease(
        uint256 initialBps,
        uint256 lowerBps,
        uint256 raisedBps,
        uint256 elapsed
    ) public {
        uint16 initial = uint16(bound(initialBps, 2, BPS_DENOMINATOR));
        uint16 lower = uint16(bound(lowerBps, 1, initial - 1));
        uint16 raised = uint16(bound(raisedBps, initial, BPS_DENOMINATOR));
        elapsed = bound(elapsed, 0, SHARE_DECREASE_NOTICE - 1);
        (uint256 serviceId,) = _sealedVersion(token6, initial, _oneWeight());

        vm.startPrank(consumer);
        splitter.setShare(serviceId, lower);
        vm.warp(block.timestamp + elapsed);
        splitter.setShare(serviceId, raised);
        vm.stopPrank();

        vm.warp(block.timestamp + MAX_SHARE_WAIT);
        assertEq(splitter.shareInForce(serviceId), raised, "the raised share stays in force");
        assertEq(splitter.service(serviceId).pendingShareAt, 0, "no decrease is pending");
    }

    /*//////////////////////////////////////////////////////////////
                           FROZEN WEIGHTS
    //////////////////////////////////////////////////////////////*/

    /// @notice Once sealed, attaching fails and revoking an attached dataset changes no weight.
    function testFuzz_sealVersion_FreezesWeights(
        uint64[MAX_CONTRIBUTORS] memory tokenCounts,
        uint256 contributorCount,
        uint64 lateTokenCount,
        uint256 revokedSeed
    ) public {
        (uint256 serviceId, uint256 version, uint256 n) = _sealedFuzzedVersion(tokenCounts, contributorCount);
        IRevenueSplitter.Version memory sealedState = splitter.version(serviceId, version);

        bytes32[] memory late = new bytes32[](1);
        late[0] = _registerDataset(_contributorKey(0), uint64(bound(lateTokenCount, 1, MAX_TOKEN_COUNT)));
        vm.expectRevert(abi.encodeWithSelector(IRevenueSplitter.VersionAlreadySealed.selector, serviceId, version));
        vm.prank(consumer);
        splitter.attachDatasets(serviceId, version, late);

        uint256 revoked = revokedSeed % n;
        vm.prank(_contributor(revoked));
        registry.revoke(_datasetId(revoked + 1));

        IRevenueSplitter.Version memory afterwards = splitter.version(serviceId, version);
        assertEq(afterwards.totalWeight, sealedState.totalWeight, "total weight is frozen");
        assertEq(afterwards.datasetCount, sealedState.datasetCount, "dataset count is frozen");
        assertEq(afterwards.contributorCount, sealedState.contributorCount, "contributor count is frozen");
        for (uint256 i; i < n; ++i) {
            (IRevenueSplitter.Position memory position,) = _position(_contributor(i), serviceId, version);
            assertEq(position.weight, _boundTokenCount(tokenCounts[i]), "contributor weight is frozen");
        }
    }

    /*//////////////////////////////////////////////////////////////
                              HELPERS
    //////////////////////////////////////////////////////////////*/

    function _assertDepositRoundsUp(MockERC20 token, uint256 grossRevenue, uint256 shareBps) internal {
        uint16 share = uint16(bound(shareBps, 1, BPS_DENOMINATOR));
        grossRevenue = _boundGrossRevenue(grossRevenue, token);
        (uint256 serviceId, uint256 version) = _sealedVersion(token, share, _oneWeight());
        uint256 expected = _ceilShare(grossRevenue, share);
        assertEq(splitter.previewDeposit(serviceId, grossRevenue), expected, "preview quotes the ceiling");

        token.mint(consumer, expected);
        vm.startPrank(consumer);
        token.approve(address(splitter), expected);
        uint256 amount = splitter.deposit(serviceId, version, grossRevenue, bytes32("2026-11"));
        vm.stopPrank();

        assertEq(amount, expected, "deposit is ceil(gross * share / 10000)");
        assertGe(amount * BPS_DENOMINATOR, grossRevenue * share, "never below the exact share");
        assertLt((amount - 1) * BPS_DENOMINATOR, grossRevenue * share, "at most one unit above it");
        assertEq(token.balanceOf(consumer), 0, "consumer paid the amount");
        assertEq(token.balanceOf(address(splitter)), amount, "splitter received the amount");
        assertEq(splitter.liabilities(address(token)), amount, "liabilities grew by the amount");
    }

    /// @dev Registers the first `contributorCount` (bounded) contributors with fuzzed token counts
    /// and seals a version of a 6-decimal service over them.
    function _sealedFuzzedVersion(uint64[MAX_CONTRIBUTORS] memory tokenCounts, uint256 contributorCount)
        internal
        returns (uint256 serviceId, uint256 version, uint256 n)
    {
        n = bound(contributorCount, 1, MAX_CONTRIBUTORS);
        uint64[] memory weights = new uint64[](n);
        for (uint256 i; i < n; ++i) {
            weights[i] = _boundTokenCount(tokenCounts[i]);
        }
        (serviceId, version) = _sealedVersion(token6, DEFAULT_SHARE_BPS, weights);
    }

    function _assertClaimsAddUpToDeposits(uint256 serviceId, uint256 version, uint256 n, uint256 deposited)
        internal
        view
    {
        uint256 claimedPlusClaimable;
        for (uint256 i; i < n; ++i) {
            (IRevenueSplitter.Position memory position, uint256 claimable) =
                _position(_contributor(i), serviceId, version);
            claimedPlusClaimable += position.claimed + claimable;
        }
        uint256 remainder = splitter.version(serviceId, version).remainder;

        assertLe(
            claimedPlusClaimable * REVENUE_SCALE + remainder,
            deposited * REVENUE_SCALE,
            "claimed plus claimable plus remainder never exceeds deposits"
        );
        assertLt(
            deposited * REVENUE_SCALE - claimedPlusClaimable * REVENUE_SCALE - remainder,
            n * REVENUE_SCALE,
            "rounding dust is under one unit per contributor"
        );
    }

    /// @dev Spreads gross revenue over magnitudes from one unit up to the limit, so that small
    /// deposits (which leave remainders) are drawn as often as large ones.
    function _boundGrossRevenue(uint256 seed, MockERC20 token) internal view returns (uint256) {
        uint256 maxGross = MAX_WHOLE_GROSS_REVENUE * 10 ** token.decimals();
        uint256 maxDigits = Math.log10(maxGross);
        uint256 digits = seed % (maxDigits + 1);
        return bound(seed / (maxDigits + 1), 1, Math.min(10 ** digits * 10, maxGross));
    }

    function _boundTokenCount(uint64 seed) internal pure returns (uint64) {
        return uint64(bound(seed, 1, MAX_TOKEN_COUNT));
    }

    function _ceilShare(uint256 grossRevenue, uint256 shareBps) internal pure returns (uint256) {
        return (grossRevenue * shareBps + BPS_DENOMINATOR - 1) / BPS_DENOMINATOR;
    }

    function _oneWeight() internal pure returns (uint64[] memory weights) {
        weights = new uint64[](1);
        weights[0] = 1_000_000;
    }
}
