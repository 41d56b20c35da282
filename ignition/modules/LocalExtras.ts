/**
 * Extras for a local development chain: a Multicall3-compatible contract for batched reads and a
 * 6-decimal test stablecoin on the splitter's allow-list. Never deploy this module to a public chain.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("LocalExtras", (m) => {
  const splitterAddress = m.getParameter<string>("splitter");
  const splitter = m.contractAt("RevenueSplitter", splitterAddress);
  const multicall3 = m.contract("Multicall3");
  const usdc = m.contract("MockERC20", ["Test USD Coin", "tUSDC", 6], { id: "TestUSDC" });
  m.call(splitter, "setPayoutTokenAllowed", [usdc, true], { id: "allowTestUSDC" });
  return { multicall3, usdc };
});
