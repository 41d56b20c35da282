// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Test} from "forge-std/Test.sol";

import {ContributionRegistry} from "../../../contracts/ContributionRegistry.sol";
import {IContributionRegistry} from "../../../contracts/interfaces/IContributionRegistry.sol";
import {IRevenueSplitter} from "../../../contracts/interfaces/IRevenueSplitter.sol";
import {MockERC1271Wallet} from "../../../contracts/mocks/MockERC1271Wallet.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RevenueSplitter} from "../../../contracts/RevenueSplitter.sol";
import {SignedRegistrations} from "../utils/SignedRegistrations.sol";

/// @title Handler that drives the registry and the splitter for the invariant suite
/// @notice Each action picks valid arguments from the fuzzed seeds, or does nothing when no valid
/// call exists, so the suite runs with `failOnRevert`: any unexpected revert fails it. Expected
/// reverts (nothing to claim, a deposit that rounds to zero, an unchanged share, a rescue above the
/// surplus) are asserted with `vm.expectRevert`.
///
/// Ghost variables track what the contracts should hold, computed without the contracts' own
/// arithmetic: deposits and claims per token and per version, weights summed from the attached
/// token counts, a model of the share schedule, and a snapshot of every version at its seal.
contract SplitterHandler is Test {
    /*//////////////////////////////////////////////////////////////
                               CONSTANTS
    //////////////////////////////////////////////////////////////*/

    uint256 internal constant BPS_DENOMINATOR = 10_000;
    uint256 internal constant REVENUE_SCALE = 1e18;

    /// @notice Registry size at which registration stops, so attach and claim calls get a share of
    /// each run.
    uint256 internal constant MAX_DATASETS = 40;
    uint256 internal constant MAX_REGISTER_BATCH = 4;
    uint256 internal constant MAX_ATTACH_BATCH = 6;
    uint256 internal constant MAX_VERSIONS = 10;
    uint256 internal constant MAX_CLAIM_REFS = 6;
    uint64 internal constant MAX_TOKEN_COUNT = 1e12;

    /// @notice Largest gross revenue of one deposit, in whole token units (before decimals).
    uint256 internal constant MAX_WHOLE_GROSS_REVENUE = 1e12;

    uint256 internal constant PAYOUT_POOL_SIZE = 3;

    /*//////////////////////////////////////////////////////////////
                                 ERRORS
    //////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a version pays in a token that the handler was not given.
    error UntrackedToken(address token);

    /*//////////////////////////////////////////////////////////////
                                 TYPES
    //////////////////////////////////////////////////////////////*/

    struct VersionKey {
        uint256 serviceId;
        uint256 version;
    }

    /// @dev The handler's own model of a service's share schedule.
    struct ShareModel {
        uint16 shareBps;
        uint16 pendingShareBps;
        uint256 pendingShareAt;
    }

    /*//////////////////////////////////////////////////////////////
                                STORAGE
    //////////////////////////////////////////////////////////////*/

    ContributionRegistry internal immutable REGISTRY;
    RevenueSplitter internal immutable SPLITTER;
    address internal immutable ADMIN;
    address internal immutable CONSUMER;
    uint256 internal immutable ATTESTER_KEY;

    /// @notice Largest step of one `warp` call: two notice periods, so decreases both wait and land.
    uint256 internal immutable MAX_WARP;

    MockERC20[] public tokens;
    uint256[] public serviceIds;
    address[] public contributors;
    address[] public payoutPool;
    mapping(address contributor => uint256 key) internal _signingKeys;

    bytes32[] public datasetIds;
    mapping(bytes32 datasetId => address contributor) internal _datasetContributor;
    mapping(bytes32 datasetId => uint64 tokenCount) internal _datasetTokenCount;
    mapping(bytes32 datasetId => bool isRevoked) internal _isRevoked;

    VersionKey[] internal _versions;
    mapping(uint256 versionIndex => mapping(bytes32 datasetId => bool isAttached)) internal _isAttached;
    mapping(uint256 serviceId => ShareModel) internal _shares;

    /// @notice Block time that every action starts from; `warp` moves it forward.
    uint256 public currentTime;

    // Ghost accounting, per token.
    mapping(address token => uint256 amount) public ghostDeposited;
    mapping(address token => uint256 amount) public ghostClaimed;
    mapping(address token => uint256 amount) public ghostDonated;
    mapping(address token => uint256 amount) public ghostRescued;

    // Ghost accounting, per version and per (version, contributor).
    mapping(uint256 versionIndex => uint256 amount) public ghostVersionDeposited;
    mapping(uint256 versionIndex => uint256 weight) public ghostTotalWeight;
    mapping(uint256 versionIndex => uint256 count) public ghostDatasetCount;
    mapping(uint256 versionIndex => uint256 count) public ghostContributorCount;
    mapping(uint256 versionIndex => mapping(address contributor => uint256 weight)) public ghostWeight;
    mapping(uint256 versionIndex => mapping(address contributor => uint256 amount)) public ghostPairClaimed;

    // Snapshot of each version at its seal.
    mapping(uint256 versionIndex => bool isSealed) public isSealed;
    mapping(uint256 versionIndex => IRevenueSplitter.Version) internal _frozenVersion;
    mapping(uint256 versionIndex => mapping(address contributor => uint96 weight)) public frozenWeight;

    /// @notice Calls per action that reached the contracts, to check that runs go deep enough.
    mapping(bytes32 action => uint256 count) public calls;

    /*//////////////////////////////////////////////////////////////
                              CONSTRUCTOR
    //////////////////////////////////////////////////////////////*/

    /// @dev The splitter must have the three payout tokens allow-listed, one service per entry of
    /// `serviceTokens`, `CONSUMER` as `CONSUMER_ROLE` and `admin` as default admin; `attesterKey`
    /// must belong to an `ATTESTER_ROLE` holder of the REGISTRY.
    constructor(
        ContributionRegistry registry_,
        RevenueSplitter splitter_,
        address admin_,
        address consumer_,
        uint256 attesterKey_,
        MockERC20[] memory tokens_,
        uint256[] memory serviceIds_
    ) {
        REGISTRY = registry_;
        SPLITTER = splitter_;
        ADMIN = admin_;
        CONSUMER = consumer_;
        ATTESTER_KEY = attesterKey_;
        tokens = tokens_;
        serviceIds = serviceIds_;
        currentTime = block.timestamp;
        MAX_WARP = 2 * uint256(splitter_.SHARE_DECREASE_NOTICE());

        for (uint256 i; i < serviceIds_.length; ++i) {
            _shares[serviceIds_[i]].shareBps = splitter_.service(serviceIds_[i]).shareBps;
        }

        // Five EOAs and one ERC-1271 wallet, whose owner key signs its consents.
        for (uint256 i; i < 5; ++i) {
            (address contributor, uint256 key) = makeAddrAndKey(string.concat("contributor", vm.toString(i)));
            contributors.push(contributor);
            _signingKeys[contributor] = key;
        }
        (address walletOwner, uint256 walletOwnerKey) = makeAddrAndKey("walletOwner");
        address wallet = address(new MockERC1271Wallet(walletOwner));
        contributors.push(wallet);
        _signingKeys[wallet] = walletOwnerKey;

        for (uint256 i; i < PAYOUT_POOL_SIZE; ++i) {
            payoutPool.push(makeAddr(string.concat("payout", vm.toString(i))));
        }
    }

    modifier atCurrentTime() {
        vm.warp(currentTime);
        _;
    }

    /*//////////////////////////////////////////////////////////////
                                ACTIONS
    //////////////////////////////////////////////////////////////*/

    /// @notice Registers one to `MAX_REGISTER_BATCH` datasets of rotating contributors, through
    /// `register` for one and `registerBatch` for more.
    function registerDatasets(uint256 contributorSeed, uint256 tokenCountSeed, uint256 batchSize)
        external
        atCurrentTime
    {
        uint256 registered = datasetIds.length;
        if (registered >= MAX_DATASETS) return;
        uint256 size = bound(batchSize, 1, Math.min(MAX_REGISTER_BATCH, MAX_DATASETS - registered));

        IContributionRegistry.Registration[] memory batch = new IContributionRegistry.Registration[](size);
        for (uint256 j; j < size; ++j) {
            address contributor = contributors[(contributorSeed % contributors.length + j) % contributors.length];
            uint256 seed = j == 0 ? tokenCountSeed : uint256(keccak256(abi.encode(tokenCountSeed, j)));
            uint64 tokenCount = uint64(bound(seed, 1, MAX_TOKEN_COUNT));
            bytes32 datasetId = keccak256(abi.encode("invariant dataset", registered + j));

            batch[j] = SignedRegistrations.sign(
                REGISTRY,
                SignedRegistrations.terms(datasetId, contributor, tokenCount),
                _signingKeys[contributor],
                ATTESTER_KEY
            );
            datasetIds.push(datasetId);
            _datasetContributor[datasetId] = contributor;
            _datasetTokenCount[datasetId] = tokenCount;
        }

        if (size == 1) REGISTRY.register(batch[0]);
        else REGISTRY.registerBatch(batch);
        ++calls["registerDatasets"];
    }

    /// @notice Opens the next version of one of the services.
    function openVersion(uint256 serviceSeed) external atCurrentTime {
        if (_versions.length >= MAX_VERSIONS) return;
        uint256 serviceId = serviceIds[serviceSeed % serviceIds.length];

        vm.prank(CONSUMER);
        uint256 version = SPLITTER.openVersion(serviceId);

        _versions.push(VersionKey(serviceId, version));
        ++calls["openVersion"];
    }

    /// @notice Attaches up to `MAX_ATTACH_BATCH` unrevoked datasets that an unsealed version does not
    /// have yet, and checks the version's totals against the ghost sums.
    function attachDatasets(uint256 versionSeed, uint256 datasetSeed, uint256 batchSize) external atCurrentTime {
        (bool found, uint256 v) = _findVersion(versionSeed, false);
        if (!found || datasetIds.length == 0) return;

        bytes32[] memory picked = new bytes32[](bound(batchSize, 1, MAX_ATTACH_BATCH));
        uint256 count;
        uint256 start = datasetSeed % datasetIds.length;
        for (uint256 k; k < datasetIds.length && count < picked.length; ++k) {
            bytes32 datasetId = datasetIds[(start + k) % datasetIds.length];
            if (_isRevoked[datasetId] || _isAttached[v][datasetId]) continue;
            picked[count] = datasetId;
            ++count;
            _isAttached[v][datasetId] = true;
        }
        if (count == 0) return;
        assembly ("memory-safe") {
            mstore(picked, count)
        }

        VersionKey memory key = _versions[v];
        vm.prank(CONSUMER);
        SPLITTER.attachDatasets(key.serviceId, key.version, picked);

        for (uint256 i; i < count; ++i) {
            address contributor = _datasetContributor[picked[i]];
            if (ghostWeight[v][contributor] == 0) ++ghostContributorCount[v];
            ghostWeight[v][contributor] += _datasetTokenCount[picked[i]];
            ghostTotalWeight[v] += _datasetTokenCount[picked[i]];
        }
        ghostDatasetCount[v] += count;

        IRevenueSplitter.Version memory state = SPLITTER.version(key.serviceId, key.version);
        assertEq(state.totalWeight, ghostTotalWeight[v], "attach: total weight is the sum of token counts");
        assertEq(state.datasetCount, ghostDatasetCount[v], "attach: dataset count");
        assertEq(state.contributorCount, ghostContributorCount[v], "attach: contributor count");
        ++calls["attachDatasets"];
    }

    /// @notice Seals an unsealed version that has weight, and snapshots its totals and weights.
    function sealVersion(uint256 versionSeed) external atCurrentTime {
        (bool found, uint256 v) = _findVersion(versionSeed, false);
        if (!found || ghostTotalWeight[v] == 0) return;
        VersionKey memory key = _versions[v];

        vm.prank(CONSUMER);
        SPLITTER.sealVersion(key.serviceId, key.version);

        isSealed[v] = true;
        _frozenVersion[v] = SPLITTER.version(key.serviceId, key.version);
        for (uint256 i; i < contributors.length; ++i) {
            frozenWeight[v][contributors[i]] = _positionOf(contributors[i], v).weight;
        }
        ++calls["sealVersion"];
    }

    /// @notice Deposits into a sealed version and checks that the amount is the gross revenue times
    /// the share that the handler's model says is in force, rounded up.
    function deposit(uint256 versionSeed, uint256 grossSeed) external atCurrentTime {
        (bool found, uint256 v) = _findVersion(versionSeed, true);
        if (!found) return;
        VersionKey memory key = _versions[v];
        MockERC20 token = MockERC20(SPLITTER.service(key.serviceId).token);
        uint256 grossRevenue = bound(grossSeed, 1, MAX_WHOLE_GROSS_REVENUE * 10 ** token.decimals());

        uint256 shareBps = _modelShareInForce(key.serviceId);
        uint256 expected = (grossRevenue * shareBps + BPS_DENOMINATOR - 1) / BPS_DENOMINATOR;
        if (expected == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(IRevenueSplitter.DepositRoundsToZero.selector, grossRevenue, shareBps)
            );
            vm.prank(CONSUMER);
            SPLITTER.deposit(key.serviceId, key.version, grossRevenue, bytes32("period"));
            ++calls["depositRoundsToZero"];
            return;
        }

        token.mint(CONSUMER, expected);
        vm.startPrank(CONSUMER);
        token.approve(address(SPLITTER), expected);
        uint256 amount = SPLITTER.deposit(key.serviceId, key.version, grossRevenue, bytes32("period"));
        vm.stopPrank();

        assertEq(amount, expected, "deposit: ceil(gross * share in force / 10000)");
        ghostDeposited[address(token)] += amount;
        ghostVersionDeposited[v] += amount;
        ++calls["deposit"];
    }

    /// @notice Claims for one contributor across up to `MAX_CLAIM_REFS` versions (repeats, unsealed
    /// versions and versions without the contributor included), called by the contributor or by a
    /// relayer, and checks each paid amount against the exact share and the payout's balance.
    function claim(uint256 contributorSeed, uint256 refsSeed, uint256 refCount, bool isRelayed)
        external
        atCurrentTime
    {
        if (_versions.length == 0) return;
        address contributor = contributors[contributorSeed % contributors.length];
        IRevenueSplitter.VersionRef[] memory refs = new IRevenueSplitter.VersionRef[](bound(refCount, 1, MAX_CLAIM_REFS));
        uint256[] memory indexes = new uint256[](refs.length);
        (bool hasSealed, uint256 firstSealed) = _findVersion(refsSeed, true);
        for (uint256 k; k < refs.length; ++k) {
            // Lead with a sealed version when there is one, so that most claims pay something.
            indexes[k] = k == 0 && hasSealed ? firstSealed : uint256(keccak256(abi.encode(refsSeed, k))) % _versions.length;
            refs[k] = IRevenueSplitter.VersionRef(_versions[indexes[k]].serviceId, _versions[indexes[k]].version);
        }

        (IRevenueSplitter.Position[] memory before, uint256[] memory claimable) = SPLITTER.positions(contributor, refs);
        uint256 totalClaimable;
        for (uint256 k; k < refs.length; ++k) {
            totalClaimable += claimable[k];
        }

        address payout = SPLITTER.payoutAddress(contributor);
        uint256[] memory balancesBefore = _balancesOf(payout);
        address caller = isRelayed ? makeAddr("relayer") : contributor;
        if (totalClaimable == 0) {
            vm.expectRevert(abi.encodeWithSelector(IRevenueSplitter.NothingToClaim.selector, contributor));
            vm.prank(caller);
            SPLITTER.claim(contributor, refs);
            ++calls["nothingToClaim"];
            return;
        }
        vm.prank(caller);
        SPLITTER.claim(contributor, refs);

        _recordClaims(contributor, indexes, before, payout, balancesBefore);
        ++calls["claim"];
    }

    /// @notice Points a contributor's payouts at one of a few shared addresses, or back to itself.
    function setPayoutAddress(uint256 contributorSeed, uint256 payoutSeed) external atCurrentTime {
        address contributor = contributors[contributorSeed % contributors.length];
        uint256 choice = payoutSeed % (PAYOUT_POOL_SIZE + 1);
        address payout = choice == PAYOUT_POOL_SIZE ? address(0) : payoutPool[choice];

        vm.prank(contributor);
        SPLITTER.setPayoutAddress(payout);

        assertEq(SPLITTER.payoutAddress(contributor), payout == address(0) ? contributor : payout, "payout address");
        ++calls["setPayoutAddress"];
    }

    /// @notice Changes a service's share, keeping the handler's share model in step.
    function setShare(uint256 serviceSeed, uint256 shareSeed) external atCurrentTime {
        uint256 serviceId = serviceIds[serviceSeed % serviceIds.length];
        uint16 newShareBps = uint16(bound(shareSeed, 0, BPS_DENOMINATOR));
        ShareModel storage model = _shares[serviceId];
        uint16 current = _modelShareInForce(serviceId);
        bool hasPendingDecrease = model.pendingShareAt > block.timestamp;

        if (newShareBps == current && !hasPendingDecrease) {
            vm.expectRevert(abi.encodeWithSelector(IRevenueSplitter.ShareUnchanged.selector, serviceId, newShareBps));
            vm.prank(CONSUMER);
            SPLITTER.setShare(serviceId, newShareBps);
            return;
        }

        vm.prank(CONSUMER);
        SPLITTER.setShare(serviceId, newShareBps);

        model.shareBps = newShareBps >= current ? newShareBps : current;
        model.pendingShareBps = newShareBps >= current ? 0 : newShareBps;
        model.pendingShareAt = newShareBps >= current ? 0 : block.timestamp + SPLITTER.SHARE_DECREASE_NOTICE();
        assertEq(SPLITTER.shareInForce(serviceId), _modelShareInForce(serviceId), "setShare: share in force");
        ++calls["setShare"];
    }

    /// @notice Moves time forward by up to two notice periods.
    function warp(uint256 secondsSeed) external {
        currentTime += bound(secondsSeed, 1, MAX_WARP);
        vm.warp(currentTime);
    }

    /// @notice Revokes a registered dataset, as its contributor or as the attester. Versions that
    /// already have it keep its weight.
    function revokeDataset(uint256 datasetSeed, bool byAttester) external atCurrentTime {
        if (datasetIds.length == 0) return;
        bytes32 datasetId = datasetIds[datasetSeed % datasetIds.length];
        if (_isRevoked[datasetId]) return;

        vm.prank(byAttester ? vm.addr(ATTESTER_KEY) : _datasetContributor[datasetId]);
        REGISTRY.revoke(datasetId);

        _isRevoked[datasetId] = true;
        ++calls["revokeDataset"];
    }

    /// @notice Sends tokens straight to the splitter, as a mistaken transfer would.
    function donate(uint256 tokenSeed, uint256 amountSeed) external atCurrentTime {
        MockERC20 token = tokens[tokenSeed % tokens.length];
        uint256 amount = bound(amountSeed, 1, MAX_WHOLE_GROSS_REVENUE * 10 ** token.decimals());

        token.mint(address(SPLITTER), amount);

        ghostDonated[address(token)] += amount;
        ++calls["donate"];
    }

    /// @notice Rescues up to the surplus above liabilities, or asserts the revert when asking for more.
    function rescue(uint256 tokenSeed, uint256 amountSeed) external atCurrentTime {
        MockERC20 token = tokens[tokenSeed % tokens.length];
        uint256 balance = token.balanceOf(address(SPLITTER));
        uint256 surplus = balance - SPLITTER.liabilities(address(token));
        uint256 amount = bound(amountSeed, 0, balance);
        address recipient = makeAddr("rescueRecipient");

        if (amount > surplus) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRevenueSplitter.RescueExceedsSurplus.selector, address(token), amount, surplus
                )
            );
            vm.prank(ADMIN);
            SPLITTER.rescue(address(token), recipient, amount);
            ++calls["rescueAboveSurplus"];
            return;
        }
        vm.prank(ADMIN);
        SPLITTER.rescue(address(token), recipient, amount);

        ghostRescued[address(token)] += amount;
        ++calls["rescue"];
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    function versionCount() external view returns (uint256) {
        return _versions.length;
    }

    function versionKey(uint256 versionIndex) external view returns (uint256 serviceId, uint256 version) {
        VersionKey memory key = _versions[versionIndex];
        return (key.serviceId, key.version);
    }

    function contributorCount() external view returns (uint256) {
        return contributors.length;
    }

    function payoutTokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function frozenVersion(uint256 versionIndex) external view returns (IRevenueSplitter.Version memory) {
        return _frozenVersion[versionIndex];
    }

    /// @notice Returns the contributor's exact share of a version's deposits,
    /// `weight * deposits / totalWeight` rounded down, from ghost values only.
    function exactShare(uint256 versionIndex, address contributor) public view returns (uint256) {
        uint256 totalWeight = ghostTotalWeight[versionIndex];
        if (totalWeight == 0) return 0;
        return Math.mulDiv(ghostWeight[versionIndex][contributor], ghostVersionDeposited[versionIndex], totalWeight);
    }

    /*//////////////////////////////////////////////////////////////
                               INTERNAL
    //////////////////////////////////////////////////////////////*/

    /// @dev Checks and records what one claim paid: per version, the claimed increase stays within
    /// the exact share; per token, the payout address received the sum of those increases.
    function _recordClaims(
        address contributor,
        uint256[] memory indexes,
        IRevenueSplitter.Position[] memory before,
        address payout,
        uint256[] memory balancesBefore
    ) internal {
        uint256[] memory paidPerToken = new uint256[](tokens.length);
        for (uint256 k; k < indexes.length; ++k) {
            uint256 v = indexes[k];
            uint256 claimedNow = _positionOf(contributor, v).claimed;
            // A version listed twice was paid at its first listing; later ones see no change.
            uint256 claimedBefore = Math.max(before[k].claimed, ghostPairClaimed[v][contributor]);
            uint256 paid = claimedNow - claimedBefore;
            if (paid == 0) continue;

            assertLe(claimedNow, exactShare(v, contributor), "claim: within the exact share");
            ghostPairClaimed[v][contributor] = claimedNow;
            address token = SPLITTER.service(_versions[v].serviceId).token;
            ghostClaimed[token] += paid;
            paidPerToken[_tokenIndex(token)] += paid;
        }

        uint256[] memory balancesAfter = _balancesOf(payout);
        for (uint256 t; t < tokens.length; ++t) {
            assertEq(balancesAfter[t] - balancesBefore[t], paidPerToken[t], "claim: payout received what was paid");
        }
    }

    /// @dev Finds a version from `seed` on, cyclically, that is sealed (`wantSealed`) or not.
    function _findVersion(uint256 seed, bool wantSealed) internal view returns (bool found, uint256 versionIndex) {
        uint256 count = _versions.length;
        if (count == 0) return (false, 0);
        uint256 start = seed % count;
        for (uint256 k; k < count; ++k) {
            versionIndex = (start + k) % count;
            if (isSealed[versionIndex] == wantSealed) return (true, versionIndex);
        }
        return (false, 0);
    }

    function _modelShareInForce(uint256 serviceId) internal view returns (uint16) {
        ShareModel memory model = _shares[serviceId];
        if (model.pendingShareAt != 0 && block.timestamp >= model.pendingShareAt) return model.pendingShareBps;
        return model.shareBps;
    }

    function _positionOf(address contributor, uint256 versionIndex)
        internal
        view
        returns (IRevenueSplitter.Position memory)
    {
        IRevenueSplitter.VersionRef[] memory refs = new IRevenueSplitter.VersionRef[](1);
        refs[0] = IRevenueSplitter.VersionRef(_versions[versionIndex].serviceId, _versions[versionIndex].version);
        (IRevenueSplitter.Position[] memory found,) = SPLITTER.positions(contributor, refs);
        return found[0];
    }

    function _balancesOf(address account) internal view returns (uint256[] memory balances) {
        balances = new uint256[](tokens.length);
        for (uint256 t; t < tokens.length; ++t) {
            balances[t] = tokens[t].balanceOf(account);
        }
    }

    function _tokenIndex(address token) internal view returns (uint256) {
        for (uint256 t; t < tokens.length; ++t) {
            if (address(tokens[t]) == token) return t;
        }
        revert UntrackedToken(token);
    }
}
