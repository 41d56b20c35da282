import { useQuery } from "@tanstack/react-query";

import { useConfig } from "./useConfig.ts";

/** Returns the timestamp of each block, in seconds; the read client batches the requests. */
export function useBlockTimes(blockNumbers: bigint[]) {
  const { client } = useConfig();
  const unique = [...new Set(blockNumbers)].sort((a, b) => {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  });
  return useQuery({
    queryKey: ["blockTimes", unique.map(String)],
    queryFn: async () => {
      const blocks = await Promise.all(unique.map((blockNumber) => client.getBlock({ blockNumber })));
      return new Map(blocks.map((block) => [block.number, block.timestamp]));
    },
    enabled: unique.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
