// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IRevenueSplitter} from "../../contracts/interfaces/IRevenueSplitter.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";
import {SplitterHandler} from "./handlers/SplitterHandler.sol";
import {SplitterFixture} from "./utils/SplitterFixture.sol";

/// @title Invariants of the revenue splitter, each stated in its interface's NatSpec
/// @notice The fuzzer calls only the handler, which registers, attaches, seals, deposits, claims,
/// changes shares and payout addresses, revokes, donates, rescues and moves time forward over four
/// services in three tokens (18, 6 and 2 decimals) and six contributors, one of them an ERC-1271
/// wallet. Every invariant is checked after every call. Each invariant runs its own campaign with
/// the settings in its `hardhat-config` lines; `failOnRevert` makes any unexpected revert in the
/// handler fail the campaign.
contract RevenueSplitterInvariantTest is SplitterFixture {
    SplitterHandler internal handler;

    function setUp() public override {
        super.setUp();

        MockERC20[] memory tokens = new MockERC20[](3);
        tokens[0] = token18;
        tokens[1] = token6;
        tokens[2] = token2;
        uint256[] memory serviceIds = new uint256[](4);
        vm.startPrank(consumer);
        serviceIds[0] = splitter.createService("Solar Pro", address(token18), 1_500);
        serviceIds[1] = splitter.createService("Solar Mini", address(token18), 3_000);
        serviceIds[2] = splitter.createService("Solar Docs", address(token6), 500);
        serviceIds[3] = splitter.createService("Solar Legal", address(token2), 10_000);
        vm.stopPrank();

        handler = new SplitterHandler(registry, splitter, admin, consumer, attesterKey, tokens, serviceIds);

        // Start every run with datasets, one open version per service and a first version that is
        // sealed and funded, so that short call sequences already reach claims.
        for (uint256 i; i < serviceIds.length; ++i) {
            handler.registerDatasets(i, uint256(keccak256(abi.encode("seed", i))), 3);
            handler.openVersion(i);
        }
        handler.attachDatasets(0, 0, 6);
        handler.sealVersion(0);
        handler.deposit(0, 1_000_000e18);

        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = SplitterHandler.registerDatasets.selector;
        selectors[1] = SplitterHandler.openVersion.selector;
        selectors[2] = SplitterHandler.attachDatasets.selector;
        selectors[3] = SplitterHandler.sealVersion.selector;
        selectors[4] = SplitterHandler.deposit.selector;
        selectors[5] = SplitterHandler.claim.selector;
        selectors[6] = SplitterHandler.setPayoutAddress.selector;
        selectors[7] = SplitterHandler.setShare.selector;
        selectors[8] = SplitterHandler.warp.selector;
        selectors[9] = SplitterHandler.revokeDataset.selector;
        selectors[10] = SplitterHandler.donate.selector;
        selectors[11] = SplitterHandler.rescue.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @notice Per version, `revenuePerWeight * totalWeight + remainder == totalDeposited * REVENUE_SCALE`
    /// exactly, the remainder stays below the total weight, and `totalDeposited` is the sum of the
    /// deposits that the handler made.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_accumulatorIsExact() public view {
        for (uint256 v; v < handler.versionCount(); ++v) {
            IRevenueSplitter.Version memory state = _version(v);
            assertEq(state.totalDeposited, handler.ghostVersionDeposited(v), "totalDeposited sums the deposits");
            assertEq(
                state.revenuePerWeight * state.totalWeight + state.remainder,
                uint256(state.totalDeposited) * REVENUE_SCALE,
                "accumulator times weight plus remainder equals scaled deposits"
            );
            if (state.totalWeight != 0) assertLt(state.remainder, state.totalWeight, "remainder below total weight");
        }
    }

    /// @notice Per version, claimed plus claimable plus the carried remainder equals the deposits,
    /// short by less than one unit per contributor, and each pair's claimed amount is what the
    /// handler saw paid.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_claimedPlusClaimableMatchesDeposits() public view {
        for (uint256 v; v < handler.versionCount(); ++v) {
            IRevenueSplitter.Version memory state = _version(v);
            uint256 claimedPlusClaimable;
            for (uint256 c; c < handler.contributorCount(); ++c) {
                address contributor = handler.contributors(c);
                (IRevenueSplitter.Position memory position, uint256 claimable) = _position(v, contributor);
                assertEq(position.claimed, handler.ghostPairClaimed(v, contributor), "claimed matches payouts");
                claimedPlusClaimable += position.claimed + claimable;
            }

            uint256 scaledDeposits = uint256(state.totalDeposited) * REVENUE_SCALE;
            uint256 scaledAccounted = claimedPlusClaimable * REVENUE_SCALE + state.remainder;
            assertLe(scaledAccounted, scaledDeposits, "claimed plus claimable plus remainder never exceeds deposits");
            assertLt(
                scaledDeposits - scaledAccounted,
                Math.max(state.contributorCount, 1) * REVENUE_SCALE,
                "rounding dust is under one unit per contributor"
            );
            assertLe(
                state.totalDeposited - claimedPlusClaimable - state.remainder / REVENUE_SCALE,
                state.contributorCount,
                "in token units, at most one unit per contributor is missing"
            );
        }
    }

    /// @notice Per token, liabilities are deposits minus claims, and the splitter's balance covers
    /// them: it is exactly liabilities plus donations minus rescues.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_balanceCoversLiabilities() public view {
        for (uint256 t; t < handler.payoutTokenCount(); ++t) {
            address token = address(handler.tokens(t));
            uint256 liabilities = splitter.liabilities(token);
            uint256 balance = MockERC20(token).balanceOf(address(splitter));

            assertEq(
                liabilities, handler.ghostDeposited(token) - handler.ghostClaimed(token), "liabilities = deposits - claims"
            );
            assertGe(balance, liabilities, "balance covers liabilities");
            assertEq(
                balance,
                liabilities + handler.ghostDonated(token) - handler.ghostRescued(token),
                "balance = liabilities + donations - rescues"
            );
        }
    }

    /// @notice No contributor has claimed, or can claim, more than its exact share
    /// `weight * deposits / totalWeight`, computed from the handler's ghost values with mulDiv.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_claimNeverExceedsExactShare() public view {
        for (uint256 v; v < handler.versionCount(); ++v) {
            for (uint256 c; c < handler.contributorCount(); ++c) {
                address contributor = handler.contributors(c);
                (IRevenueSplitter.Position memory position, uint256 claimable) = _position(v, contributor);
                uint256 exactShare = handler.exactShare(v, contributor);
                assertLe(position.claimed + claimable, exactShare, "claimed plus claimable within the exact share");
            }
        }
    }

    /// @notice Every version's weights equal the sums of the attached token counts, and once sealed
    /// its weights, total weight, dataset count and contributor count equal the snapshot taken at seal.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 60
    /// hardhat-config: invariant.failOnRevert = true
    function invariant_weightsFrozenAfterSeal() public view {
        for (uint256 v; v < handler.versionCount(); ++v) {
            IRevenueSplitter.Version memory state = _version(v);
            assertEq(state.totalWeight, handler.ghostTotalWeight(v), "total weight sums the attached datasets");
            for (uint256 c; c < handler.contributorCount(); ++c) {
                address contributor = handler.contributors(c);
                (IRevenueSplitter.Position memory position,) = _position(v, contributor);
                assertEq(position.weight, handler.ghostWeight(v, contributor), "weight sums the contributor's datasets");
                if (handler.isSealed(v)) {
                    assertEq(position.weight, handler.frozenWeight(v, contributor), "weight frozen at seal");
                }
            }
            if (!handler.isSealed(v)) continue;

            IRevenueSplitter.Version memory frozen = handler.frozenVersion(v);
            assertEq(state.totalWeight, frozen.totalWeight, "total weight frozen at seal");
            assertEq(state.datasetCount, frozen.datasetCount, "dataset count frozen at seal");
            assertEq(state.contributorCount, frozen.contributorCount, "contributor count frozen at seal");
            assertEq(state.sealedAt, frozen.sealedAt, "seal time unchanged");
        }
    }

    function _version(uint256 versionIndex) internal view returns (IRevenueSplitter.Version memory) {
        (uint256 serviceId, uint256 version) = handler.versionKey(versionIndex);
        return splitter.version(serviceId, version);
    }

    function _position(uint256 versionIndex, address contributor)
        internal
        view
        returns (IRevenueSplitter.Position memory position, uint256 claimable)
    {
        (uint256 serviceId, uint256 version) = handler.versionKey(versionIndex);
        return _position(contributor, serviceId, version);
    }
}
