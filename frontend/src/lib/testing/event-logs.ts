/** Builds contract event logs as an RPC endpoint returns them, for tests of the state rebuild. */
import { encodeAbiParameters, encodeEventTopics, keccak256, stringToHex, type Abi, type Address, type Hex, type Log } from "viem";

export interface LogBuilder {
  /** Appends a log of `eventName` from `address`, in a new block, and returns it. */
  emit(address: Address, abi: Abi, eventName: string, args: Record<string, unknown>): Log;
  logs: Log[];
}

export function createLogBuilder(): LogBuilder {
  const logs: Log[] = [];
  let blockNumber = 100n;
  return {
    logs,
    emit(address, abi, eventName, args) {
      const event = abi.find((item) => item.type === "event" && item.name === eventName);
      if (event === undefined || event.type !== "event") throw new Error(`no event ${eventName}`);
      const topics = encodeEventTopics({ abi, eventName, args } as never);
      const plain = event.inputs.filter((input) => !input.indexed);
      const data = encodeAbiParameters(plain, plain.map((input) => args[input.name!]));
      blockNumber += 1n;
      const log = {
        address,
        topics,
        data,
        blockNumber,
        blockHash: keccak256(stringToHex(`block ${blockNumber}`)),
        transactionHash: keccak256(stringToHex(`tx ${blockNumber}`)),
        transactionIndex: 0,
        logIndex: 0,
        removed: false,
      } as unknown as Log;
      logs.push(log);
      return log;
    },
  };
}

/** Returns a bytes32 id from a readable name. */
export function idOf(name: string): Hex {
  return keccak256(stringToHex(name));
}
