// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControlDefaultAdminRules} from
    "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IContributionRegistry} from "./interfaces/IContributionRegistry.sol";
import {IRevenueSplitter} from "./interfaces/IRevenueSplitter.sol";
import {Signatures} from "./libraries/Signatures.sol";

/// @title Revenue splitter
/// @notice See {IRevenueSplitter}.
/// @dev Not upgradeable: the terms that contributors rely on cannot be swapped out.
contract RevenueSplitter is IRevenueSplitter, AccessControlDefaultAdminRules, Pausable, ReentrancyGuardTransient, EIP712 {
    using SafeERC20 for IERC20;

    /*//////////////////////////////////////////////////////////////
                               CONSTANTS
    //////////////////////////////////////////////////////////////*/

    bytes32 public constant CONSUMER_ROLE = keccak256("CONSUMER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @notice Shares are in basis points: 10,000 is 100%.
    uint256 public constant BPS_DENOMINATOR = 10_000;

    /// @notice Fixed-point scale of `revenuePerWeight`, so that a deposit smaller than the total
    /// weight still moves the accumulator.
    uint256 public constant REVENUE_SCALE = 1e18;

    bytes32 private constant PAYOUT_TYPEHASH =
        keccak256("PayoutAddress(address contributor,address payout,uint256 nonce,uint64 deadline)");

    /// @notice The registry whose datasets versions attach.
    IContributionRegistry public immutable REGISTRY;

    /// @notice Seconds between scheduling a share decrease and its taking effect.
    uint32 public immutable SHARE_DECREASE_NOTICE;

    /*//////////////////////////////////////////////////////////////
                                STORAGE
    //////////////////////////////////////////////////////////////*/

    mapping(uint256 serviceId => Service) private _services;
    mapping(uint256 serviceId => mapping(uint256 version => Version)) private _versions;
    mapping(uint256 serviceId => mapping(uint256 version => mapping(address contributor => Position))) private
        _positions;
    /// @dev Bit `index % 256` of word `index / 256` is set when the dataset with that registry index
    /// is attached to the version.
    mapping(uint256 serviceId => mapping(uint256 version => mapping(uint256 word => uint256 bits))) private _attached;
    mapping(address contributor => address payout) private _payouts;
    mapping(address contributor => uint256 nonce) private _payoutNonces;
    mapping(address token => uint256 amount) private _liabilities;
    mapping(address token => bool isAllowed) private _allowedTokens;
    uint256 private _serviceCount;

    /*//////////////////////////////////////////////////////////////
                              CONSTRUCTOR
    //////////////////////////////////////////////////////////////*/

    /// @param registry The contribution registry.
    /// @param admin Default admin; it grants the consumer and pauser roles after deployment.
    /// @param adminTransferDelay Seconds that a default admin transfer must wait.
    /// @param shareDecreaseNotice Seconds between scheduling a share decrease and its taking effect.
    constructor(IContributionRegistry registry, address admin, uint48 adminTransferDelay, uint32 shareDecreaseNotice)
        AccessControlDefaultAdminRules(adminTransferDelay, admin)
        EIP712("1TT RevenueSplitter", "1")
    {
        REGISTRY = registry;
        SHARE_DECREASE_NOTICE = shareDecreaseNotice;
    }

    /*//////////////////////////////////////////////////////////////
                            ADMIN FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRevenueSplitter
    function setPayoutTokenAllowed(address token, bool isAllowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _allowedTokens[token] = isAllowed;
        emit PayoutTokenAllowlistSet(token, isAllowed);
    }

    /// @inheritdoc IRevenueSplitter
    function rescue(address token, address to, uint256 amount) external onlyRole(DEFAULT_ADMIN_ROLE) nonReentrant {
        if (to == address(0)) revert InvalidRescueRecipient(to);
        uint256 balance = IERC20(token).balanceOf(address(this));
        uint256 owed = _liabilities[token];
        uint256 surplus = balance > owed ? balance - owed : 0;
        if (amount > surplus) revert RescueExceedsSurplus(token, amount, surplus);

        emit TokensRescued(token, to, amount);

        IERC20(token).safeTransfer(to, amount);
    }

    /// @inheritdoc IRevenueSplitter
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @inheritdoc IRevenueSplitter
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /*//////////////////////////////////////////////////////////////
                          CONSUMER FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRevenueSplitter
    function createService(string calldata name, address token, uint16 shareBps)
        external
        onlyRole(CONSUMER_ROLE)
        returns (uint256 serviceId)
    {
        if (!_allowedTokens[token]) revert PayoutTokenNotAllowed(token);
        if (shareBps == 0 || shareBps > BPS_DENOMINATOR) revert InvalidShare(shareBps, BPS_DENOMINATOR);

        serviceId = ++_serviceCount;
        _services[serviceId] =
            Service({token: token, shareBps: shareBps, pendingShareBps: 0, pendingShareAt: 0, versionCount: 0});

        emit ServiceCreated(serviceId, token, shareBps, name, msg.sender);
    }

    /// @inheritdoc IRevenueSplitter
    function setShare(uint256 serviceId, uint16 newShareBps) external onlyRole(CONSUMER_ROLE) {
        Service storage stored = _requireService(serviceId);
        if (newShareBps > BPS_DENOMINATOR) revert InvalidShare(newShareBps, BPS_DENOMINATOR);
        uint16 current = _shareInForce(stored);
        bool hasPendingDecrease = stored.pendingShareAt > block.timestamp;
        if (newShareBps == current && !hasPendingDecrease) revert ShareUnchanged(serviceId, newShareBps);

        // An increase (or keeping the current share) applies now and drops any pending decrease. A
        // decrease waits for the notice, so revenue reported before then keeps the higher share.
        uint32 effectiveAt;
        if (newShareBps >= current) {
            effectiveAt = SafeCast.toUint32(block.timestamp);
            stored.shareBps = newShareBps;
            stored.pendingShareBps = 0;
            stored.pendingShareAt = 0;
        } else {
            effectiveAt = SafeCast.toUint32(block.timestamp + SHARE_DECREASE_NOTICE);
            stored.shareBps = current;
            stored.pendingShareBps = newShareBps;
            stored.pendingShareAt = effectiveAt;
        }

        emit ShareChanged(serviceId, current, newShareBps, effectiveAt);
    }

    /// @inheritdoc IRevenueSplitter
    function openVersion(uint256 serviceId) external onlyRole(CONSUMER_ROLE) returns (uint256 version_) {
        Service storage stored = _requireService(serviceId);
        version_ = ++stored.versionCount;
        emit VersionOpened(serviceId, version_);
    }

    /// @inheritdoc IRevenueSplitter
    function attachDatasets(uint256 serviceId, uint256 version_, bytes32[] calldata datasetIds)
        external
        onlyRole(CONSUMER_ROLE)
        whenNotPaused
    {
        uint256 count = datasetIds.length;
        if (count == 0) revert EmptyBatch();
        _requireVersion(serviceId, version_);
        Version storage stored = _versions[serviceId][version_];
        if (stored.sealedAt != 0) revert VersionAlreadySealed(serviceId, version_);

        IContributionRegistry.DatasetRecord[] memory records = REGISTRY.datasetRecords(datasetIds);
        (uint256 addedWeight, uint256 addedContributors) = _attachRecords(serviceId, version_, datasetIds, records);

        // At most 2^24 datasets of at most 2^64 tokens each: sums stay below 2^88, so the casts are lossless.
        uint96 totalWeight = uint96(stored.totalWeight + addedWeight);
        uint32 datasetCount = stored.datasetCount + uint32(count);
        uint32 contributorCount = stored.contributorCount + uint32(addedContributors);
        stored.totalWeight = totalWeight;
        stored.datasetCount = datasetCount;
        stored.contributorCount = contributorCount;

        emit DatasetsAttached(serviceId, version_, datasetIds, totalWeight, datasetCount, contributorCount);
    }

    /// @inheritdoc IRevenueSplitter
    function sealVersion(uint256 serviceId, uint256 version_) external onlyRole(CONSUMER_ROLE) {
        _requireVersion(serviceId, version_);
        Version storage stored = _versions[serviceId][version_];
        if (stored.sealedAt != 0) revert VersionAlreadySealed(serviceId, version_);
        uint96 totalWeight = stored.totalWeight;
        if (totalWeight == 0) revert EmptyVersion(serviceId, version_);

        stored.sealedAt = uint40(block.timestamp);

        emit VersionSealed(serviceId, version_, totalWeight, stored.datasetCount, stored.contributorCount);
    }

    /// @inheritdoc IRevenueSplitter
    function deposit(uint256 serviceId, uint256 version_, uint256 grossRevenue, bytes32 period)
        external
        onlyRole(CONSUMER_ROLE)
        whenNotPaused
        nonReentrant
        returns (uint256 amount)
    {
        Service storage terms = _requireVersion(serviceId, version_);
        address token = terms.token;
        if (!_allowedTokens[token]) revert PayoutTokenNotAllowed(token);
        Version storage stored = _versions[serviceId][version_];
        if (stored.sealedAt == 0) revert VersionNotSealed(serviceId, version_);

        // Rounded up, so contributors gain the fraction of a unit; the consumer pays at most 1 unit more.
        uint16 shareBps = _shareInForce(terms);
        amount = Math.mulDiv(grossRevenue, shareBps, BPS_DENOMINATOR, Math.Rounding.Ceil);
        if (amount == 0) revert DepositRoundsToZero(grossRevenue, shareBps);

        _accrue(stored, amount);
        _liabilities[token] += amount;

        emit Deposited(
            serviceId,
            version_,
            msg.sender,
            period,
            grossRevenue,
            shareBps,
            amount,
            stored.revenuePerWeight,
            stored.remainder
        );

        _pullExact(IERC20(token), amount);
    }

    /*//////////////////////////////////////////////////////////////
                         CONTRIBUTOR FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRevenueSplitter
    function claim(address contributor, VersionRef[] calldata versions) external nonReentrant {
        address payout = _payoutOf(contributor);
        uint256 count = versions.length;
        address[] memory tokens = new address[](count);
        uint256[] memory amounts = new uint256[](count);
        uint256 tokenCount;

        for (uint256 i; i < count; ++i) {
            uint256 serviceId = versions[i].serviceId;
            uint256 version_ = versions[i].version;
            address token = _requireVersion(serviceId, version_).token;
            uint256 owed = _claimOne(contributor, serviceId, version_, payout);
            if (owed == 0) continue;

            // Claims usually group versions of one service, so the last token is checked first.
            uint256 slot = tokenCount;
            if (tokenCount != 0 && tokens[tokenCount - 1] == token) {
                slot = tokenCount - 1;
            } else {
                for (uint256 j; j < tokenCount; ++j) {
                    if (tokens[j] == token) {
                        slot = j;
                        break;
                    }
                }
            }
            if (slot == tokenCount) {
                tokens[tokenCount] = token;
                ++tokenCount;
            }
            amounts[slot] += owed;
        }
        if (tokenCount == 0) revert NothingToClaim(contributor);

        for (uint256 j; j < tokenCount; ++j) {
            _liabilities[tokens[j]] -= amounts[j];
        }
        for (uint256 j; j < tokenCount; ++j) {
            IERC20(tokens[j]).safeTransfer(payout, amounts[j]);
        }
    }

    /// @inheritdoc IRevenueSplitter
    function setPayoutAddress(address payout) external {
        _setPayout(msg.sender, payout);
    }

    /// @inheritdoc IRevenueSplitter
    function setPayoutAddressWithSig(address contributor, address payout, uint64 deadline, bytes calldata signature)
        external
    {
        if (block.timestamp > deadline) revert PayoutSignatureExpired(deadline, block.timestamp);
        uint256 nonce = _payoutNonces[contributor];
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(PAYOUT_TYPEHASH, contributor, payout, nonce, deadline)));
        if (!Signatures.isValidNow(contributor, digest, signature)) revert InvalidPayoutSignature(contributor, nonce);

        _payoutNonces[contributor] = nonce + 1;
        _setPayout(contributor, payout);
    }

    /*//////////////////////////////////////////////////////////////
                                 VIEWS
    //////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRevenueSplitter
    function service(uint256 serviceId) external view returns (Service memory) {
        return _services[serviceId];
    }

    /// @inheritdoc IRevenueSplitter
    function shareInForce(uint256 serviceId) external view returns (uint16) {
        return _shareInForce(_requireService(serviceId));
    }

    /// @inheritdoc IRevenueSplitter
    function serviceCount() external view returns (uint256) {
        return _serviceCount;
    }

    /// @inheritdoc IRevenueSplitter
    function version(uint256 serviceId, uint256 version_) external view returns (Version memory) {
        return _versions[serviceId][version_];
    }

    /// @inheritdoc IRevenueSplitter
    function positions(address contributor, VersionRef[] calldata versions)
        external
        view
        returns (Position[] memory positions_, uint256[] memory claimable)
    {
        uint256 count = versions.length;
        positions_ = new Position[](count);
        claimable = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            uint256 serviceId = versions[i].serviceId;
            uint256 version_ = versions[i].version;
            Position memory position = _positions[serviceId][version_][contributor];
            positions_[i] = position;
            claimable[i] = _owed(position, _versions[serviceId][version_].revenuePerWeight);
        }
    }

    /// @inheritdoc IRevenueSplitter
    function previewDeposit(uint256 serviceId, uint256 grossRevenue) external view returns (uint256) {
        uint16 shareBps = _shareInForce(_requireService(serviceId));
        return Math.mulDiv(grossRevenue, shareBps, BPS_DENOMINATOR, Math.Rounding.Ceil);
    }

    /// @inheritdoc IRevenueSplitter
    function payoutAddress(address contributor) external view returns (address) {
        return _payoutOf(contributor);
    }

    /// @inheritdoc IRevenueSplitter
    function payoutNonce(address contributor) external view returns (uint256) {
        return _payoutNonces[contributor];
    }

    /// @inheritdoc IRevenueSplitter
    function liabilities(address token) external view returns (uint256) {
        return _liabilities[token];
    }

    /// @inheritdoc IRevenueSplitter
    function isPayoutTokenAllowed(address token) external view returns (bool) {
        return _allowedTokens[token];
    }

    /*//////////////////////////////////////////////////////////////
                           INTERNAL FUNCTIONS
    //////////////////////////////////////////////////////////////*/

    /// @dev Records the claim of one (version, contributor) and returns the amount owed.
    function _claimOne(address contributor, uint256 serviceId, uint256 version_, address payout)
        private
        returns (uint256 owed)
    {
        Position storage position = _positions[serviceId][version_][contributor];
        Position memory current = position;
        owed = _owed(current, _versions[serviceId][version_].revenuePerWeight);
        if (owed == 0) return 0;

        // claimed + owed is at most the entitlement, which is at most totalDeposited (a uint160).
        position.claimed = current.claimed + uint160(owed);

        emit Claimed(contributor, serviceId, version_, payout, owed);
    }

    /// @dev Marks each dataset as attached and adds its tokens to its contributor's weight.
    function _attachRecords(
        uint256 serviceId,
        uint256 version_,
        bytes32[] calldata datasetIds,
        IContributionRegistry.DatasetRecord[] memory records
    ) private returns (uint256 addedWeight, uint256 addedContributors) {
        mapping(uint256 => uint256) storage attached = _attached[serviceId][version_];
        mapping(address => Position) storage versionPositions = _positions[serviceId][version_];
        for (uint256 i; i < records.length; ++i) {
            IContributionRegistry.DatasetRecord memory record = records[i];
            if (record.contributor == address(0)) revert UnknownDataset(datasetIds[i]);
            if (record.isRevoked) revert DatasetIsRevoked(datasetIds[i]);

            uint256 word = record.index >> 8;
            uint256 bit = 1 << (record.index & 0xff);
            uint256 bits = attached[word];
            if (bits & bit != 0) revert DatasetAlreadyAttached(serviceId, version_, datasetIds[i]);
            attached[word] = bits | bit;

            Position storage position = versionPositions[record.contributor];
            uint96 weight = position.weight;
            if (weight == 0) ++addedContributors;
            position.weight = weight + record.tokenCount;
            addedWeight += record.tokenCount;
        }
    }

    /// @dev Spreads `amount` over the version's weight. The uint160 cap on deposits per version keeps
    /// `amount * REVENUE_SCALE` below 2^220. The division rounds down: what it leaves stays in
    /// `remainder` and reaches contributors with the next deposit, so no unit is lost and the
    /// accumulator never promises more than was deposited.
    function _accrue(Version storage stored, uint256 amount) private {
        uint160 totalDeposited = SafeCast.toUint160(uint256(stored.totalDeposited) + amount);
        uint256 totalWeight = stored.totalWeight;
        uint256 spread = amount * REVENUE_SCALE + stored.remainder;
        stored.revenuePerWeight += spread / totalWeight;
        stored.totalDeposited = totalDeposited;
        // Below totalWeight, a uint96.
        stored.remainder = uint96(spread % totalWeight);
    }

    /// @dev Pulls `amount` from the caller and reverts unless exactly that arrived, which rejects
    /// fee-on-transfer tokens.
    function _pullExact(IERC20 token, uint256 amount) private {
        uint256 balanceBefore = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - balanceBefore;
        if (received != amount) revert TransferAmountMismatch(address(token), amount, received);
    }

    function _setPayout(address contributor, address payout) private {
        if (payout == address(this)) revert InvalidPayoutAddress(payout);
        _payouts[contributor] = payout;
        emit PayoutAddressSet(contributor, payout);
    }

    function _requireService(uint256 serviceId) private view returns (Service storage stored) {
        stored = _services[serviceId];
        if (stored.token == address(0)) revert UnknownService(serviceId);
    }

    function _requireVersion(uint256 serviceId, uint256 version_) private view returns (Service storage stored) {
        stored = _requireService(serviceId);
        if (version_ == 0 || version_ > stored.versionCount) revert UnknownVersion(serviceId, version_);
    }

    function _payoutOf(address contributor) private view returns (address) {
        address payout = _payouts[contributor];
        return payout == address(0) ? contributor : payout;
    }

    /// @dev A pending decrease is in force from its timestamp on, without a write; the next share
    /// change stores it.
    function _shareInForce(Service storage stored) private view returns (uint16) {
        uint32 pendingAt = stored.pendingShareAt;
        if (pendingAt != 0 && block.timestamp >= pendingAt) return stored.pendingShareBps;
        return stored.shareBps;
    }

    /// @dev Entitlement rounds down, so contributors together never get more than was deposited;
    /// each loses under one unit, which stays in the contract as dust.
    function _owed(Position memory position, uint256 revenuePerWeight) private pure returns (uint256) {
        uint256 entitlement = uint256(position.weight) * revenuePerWeight / REVENUE_SCALE;
        return entitlement - position.claimed;
    }
}
