import { formatTokenAmount } from "../lib/format.ts";
import type { TokenInfo } from "../lib/load-platform.ts";
import { useI18n } from "../hooks/useI18n.ts";

/** A token amount, exact to the last base unit, with the token's symbol. */
export function Amount({ raw, token }: { raw: bigint; token: TokenInfo | undefined }) {
  const { locale } = useI18n();
  if (token === undefined) return <span className="amount">{formatTokenAmount(raw, 0, locale)}</span>;
  return (
    <span className="amount">
      {formatTokenAmount(raw, token.decimals, locale)} <abbr title={token.address}>{token.symbol}</abbr>
    </span>
  );
}
