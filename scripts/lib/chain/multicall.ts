/**
 * Reads many contract views with as few RPC requests as the chain allows: through a Multicall3
 * `aggregate3` contract when one is known, otherwise one `eth_call` per view.
 */
import type { Abi, Address, PublicClient } from "viem";

export interface ContractRead {
  address: Address;
  abi: Abi | readonly unknown[];
  functionName: string;
  args?: readonly unknown[];
}

export interface ReadManyOptions {
  client: PublicClient;
  multicall3: Address | undefined;
}

/** Size of one multicall request's calldata, in bytes; viem splits larger batches. */
const MULTICALL_BATCH_BYTES = 256 * 1024;

/** Returns each view's result in the order of `reads`; a failing view throws. */
export async function readMany<T>(options: ReadManyOptions, reads: ContractRead[]): Promise<T[]> {
  if (reads.length === 0) return [];
  const { client, multicall3 } = options;
  if (multicall3 !== undefined) {
    const results = await client.multicall({
      contracts: reads as never,
      multicallAddress: multicall3,
      allowFailure: false,
      batchSize: MULTICALL_BATCH_BYTES,
    });
    return results as T[];
  }
  return (await Promise.all(reads.map((read) => client.readContract(read as never)))) as T[];
}
