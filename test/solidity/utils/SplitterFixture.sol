// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {ContributionRegistry} from "../../../contracts/ContributionRegistry.sol";
import {IContributionRegistry} from "../../../contracts/interfaces/IContributionRegistry.sol";
import {IRevenueSplitter} from "../../../contracts/interfaces/IRevenueSplitter.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";
import {RevenueSplitter} from "../../../contracts/RevenueSplitter.sol";
import {SignedRegistrations} from "./SignedRegistrations.sol";

/// @title Shared setup of the Solidity fuzz tests
/// @notice Deploys a registry and a splitter with named actors and three allow-listed payout
/// tokens of 18, 6 and 2 decimals, and offers helpers that build sealed versions.
abstract contract SplitterFixture is Test {
    uint48 internal constant ADMIN_TRANSFER_DELAY = 2 days;
    uint32 internal constant SHARE_DECREASE_NOTICE = 30 days;
    uint256 internal constant BPS_DENOMINATOR = 10_000;
    uint256 internal constant REVENUE_SCALE = 1e18;

    /// @notice One trillion tokens: the platform's whole target corpus in a single dataset.
    uint64 internal constant MAX_TOKEN_COUNT = 1e12;

    /// @notice Largest gross revenue of one period, in whole token units (before decimals).
    uint256 internal constant MAX_WHOLE_GROSS_REVENUE = 1e12;

    address internal admin = makeAddr("admin");
    address internal consumer = makeAddr("consumer");
    address internal attester;
    uint256 internal attesterKey;

    ContributionRegistry internal registry;
    RevenueSplitter internal splitter;
    MockERC20 internal token18;
    MockERC20 internal token6;
    MockERC20 internal token2;

    uint256 private _datasetNonce;

    function setUp() public virtual {
        (attester, attesterKey) = makeAddrAndKey("attester");

        registry = new ContributionRegistry(admin, ADMIN_TRANSFER_DELAY);
        splitter = new RevenueSplitter(registry, admin, ADMIN_TRANSFER_DELAY, SHARE_DECREASE_NOTICE);
        token18 = new MockERC20("Won Stable 18", "KRW18", 18);
        token6 = new MockERC20("Dollar Stable 6", "USD6", 6);
        token2 = new MockERC20("Cent Token 2", "CNT2", 2);

        vm.startPrank(admin);
        registry.grantRole(registry.ATTESTER_ROLE(), attester);
        splitter.grantRole(splitter.CONSUMER_ROLE(), consumer);
        splitter.setPayoutTokenAllowed(address(token18), true);
        splitter.setPayoutTokenAllowed(address(token6), true);
        splitter.setPayoutTokenAllowed(address(token2), true);
        vm.stopPrank();

        vm.label(address(registry), "ContributionRegistry");
        vm.label(address(splitter), "RevenueSplitter");
    }

    /// @notice Registers one dataset of `contributorKey`'s address and returns its id.
    function _registerDataset(uint256 contributorKey, uint64 tokenCount) internal returns (bytes32 datasetId) {
        datasetId = _datasetId(++_datasetNonce);
        address contributor = vm.addr(contributorKey);
        IContributionRegistry.Registration memory registration = SignedRegistrations.sign(
            registry, SignedRegistrations.terms(datasetId, contributor, tokenCount), contributorKey, attesterKey
        );
        registry.register(registration);
    }

    /// @notice Creates a service in `token`, attaches one dataset per weight (contributor `i` has key
    /// `i + 1`) to its first version, and seals it.
    function _sealedVersion(MockERC20 token, uint16 shareBps, uint64[] memory weights)
        internal
        returns (uint256 serviceId, uint256 version)
    {
        bytes32[] memory datasetIds = new bytes32[](weights.length);
        for (uint256 i; i < weights.length; ++i) {
            datasetIds[i] = _registerDataset(_contributorKey(i), weights[i]);
        }

        vm.startPrank(consumer);
        serviceId = splitter.createService("Solar LLM", address(token), shareBps);
        version = splitter.openVersion(serviceId);
        splitter.attachDatasets(serviceId, version, datasetIds);
        splitter.sealVersion(serviceId, version);
        vm.stopPrank();
    }

    /// @notice Deposits as the consumer, minting and approving exactly the amount that
    /// `previewDeposit` quotes, and returns the amount pulled.
    function _deposit(uint256 serviceId, uint256 version, uint256 grossRevenue) internal returns (uint256 amount) {
        MockERC20 token = MockERC20(splitter.service(serviceId).token);
        uint256 quoted = splitter.previewDeposit(serviceId, grossRevenue);
        token.mint(consumer, quoted);

        vm.startPrank(consumer);
        token.approve(address(splitter), quoted);
        amount = splitter.deposit(serviceId, version, grossRevenue, bytes32("2026-11"));
        vm.stopPrank();
    }

    /// @notice Returns the one-element claim list for a version.
    function _refs(uint256 serviceId, uint256 version) internal pure returns (IRevenueSplitter.VersionRef[] memory refs) {
        refs = new IRevenueSplitter.VersionRef[](1);
        refs[0] = IRevenueSplitter.VersionRef({serviceId: serviceId, version: version});
    }

    /// @notice Returns what `contributor` could claim in one version now, and its position there.
    function _position(address contributor, uint256 serviceId, uint256 version)
        internal
        view
        returns (IRevenueSplitter.Position memory position, uint256 claimable)
    {
        (IRevenueSplitter.Position[] memory found, uint256[] memory owed) =
            splitter.positions(contributor, _refs(serviceId, version));
        return (found[0], owed[0]);
    }

    /// @notice Returns the id of the `nonce`-th dataset that `_registerDataset` registered, from 1.
    function _datasetId(uint256 nonce) internal pure returns (bytes32) {
        return keccak256(abi.encode("dataset", nonce));
    }

    function _contributorKey(uint256 i) internal pure returns (uint256) {
        return i + 1;
    }

    function _contributor(uint256 i) internal pure returns (address) {
        return vm.addr(_contributorKey(i));
    }
}
