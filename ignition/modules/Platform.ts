/**
 * Deploys the registry and the splitter and grants the operating roles. The deployer must be the
 * default admin for the grants; hand the admin over afterwards with beginDefaultAdminTransfer.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

const THREE_DAYS = 3 * 24 * 60 * 60;
const THIRTY_DAYS = 30 * 24 * 60 * 60;

export default buildModule("Platform", (m) => {
  const deployer = m.getAccount(0);
  const adminTransferDelay = m.getParameter("adminTransferDelaySeconds", THREE_DAYS);
  const shareDecreaseNotice = m.getParameter("shareDecreaseNoticeSeconds", THIRTY_DAYS);
  const attester = m.getParameter("attester", deployer);
  const consumer = m.getParameter("consumer", deployer);
  const pauser = m.getParameter("pauser", deployer);

  const registry = m.contract("ContributionRegistry", [deployer, adminTransferDelay]);
  const splitter = m.contract("RevenueSplitter", [registry, deployer, adminTransferDelay, shareDecreaseNotice]);

  const attesterRole = m.staticCall(registry, "ATTESTER_ROLE", [], 0, { id: "attesterRole" });
  const registryPauserRole = m.staticCall(registry, "PAUSER_ROLE", [], 0, { id: "registryPauserRole" });
  const consumerRole = m.staticCall(splitter, "CONSUMER_ROLE", [], 0, { id: "consumerRole" });
  const splitterPauserRole = m.staticCall(splitter, "PAUSER_ROLE", [], 0, { id: "splitterPauserRole" });
  m.call(registry, "grantRole", [attesterRole, attester], { id: "grantAttester" });
  m.call(registry, "grantRole", [registryPauserRole, pauser], { id: "grantRegistryPauser" });
  m.call(splitter, "grantRole", [consumerRole, consumer], { id: "grantConsumer" });
  m.call(splitter, "grantRole", [splitterPauserRole, pauser], { id: "grantSplitterPauser" });

  return { registry, splitter };
});
