import { useConfig } from "../hooks/useConfig.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { useWallet } from "../hooks/useWallet.ts";
import { chainNameOf } from "../lib/chain-names.ts";
import { shortHex } from "../lib/format.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** Renders the wallet's address and network, with connect, disconnect and a one-click network switch. */
export function WalletPanel() {
  const { t } = useI18n();
  const { config } = useConfig();
  const wallet = useWallet();

  if (!wallet.isConnected || wallet.address === undefined) {
    const injectedCount = wallet.options.filter((option) => option.kind === "injected").length;
    const isConnectingWalletConnect = wallet.connectingOption?.kind === "walletConnect";
    return (
      <div className="wallet">
        {injectedCount === 0 ? <p className="small">{t.wallet.noWallet}</p> : null}
        {wallet.options.map((option) =>
          option.kind === "injected" ? (
            <button key={option.connector.uid} type="button" onClick={() => wallet.connect(option)}>
              {injectedCount === 1 ? t.wallet.connect : t.wallet.connectWith(option.connector.name)}
            </button>
          ) : (
            <button key="walletConnect" type="button" disabled={isConnectingWalletConnect} onClick={() => wallet.connect(option)}>
              {isConnectingWalletConnect ? t.wallet.connectingWalletConnect : t.wallet.connectWalletConnect}
            </button>
          ),
        )}
        {wallet.connectError === null ? null : <ErrorNotice error={wallet.connectError} />}
      </div>
    );
  }

  const walletChainId = wallet.walletChainId ?? 0;
  const walletChain = chainNameOf(walletChainId, config) ?? t.wallet.unknownChain(walletChainId);
  return (
    <div className="wallet">
      <p className="small">
        {t.wallet.connectedAs}: <span className="mono" title={wallet.address}>{shortHex(wallet.address)}</span>
        {" · "}
        {t.wallet.network}: <span data-testid="wallet-network">{walletChain}</span>
      </p>
      <button type="button" onClick={wallet.disconnect}>
        {t.wallet.disconnect}
      </button>
      {wallet.isOnPlatformChain ? null : (
        <div className="notice notice-warning" role="alert">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t.wallet.wrongNetwork(walletChain, config.chainName)}
          </p>
          <button type="button" onClick={wallet.switchToPlatformChain} disabled={wallet.isSwitching}>
            {t.wallet.switchTo(config.chainName)}
          </button>
          {wallet.switchError === null ? null : <ErrorNotice error={wallet.switchError} />}
        </div>
      )}
    </div>
  );
}
