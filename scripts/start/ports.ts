/** Listening on a port that a person can remember, and on a free one when that port is taken. */
import type { Server } from "node:net";

/**
 * Listens on 127.0.0.1:`preferredPort`, or on a free port when it is in use; returns the port.
 * A `preferredPort` of 0 always takes a free port.
 */
export async function listenWithFallback(server: Server, preferredPort: number): Promise<number> {
  try {
    return await listen(server, preferredPort);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || preferredPort === 0) throw error;
    return await listen(server, 0);
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      const address = server.address();
      if (address !== null && typeof address === "object") resolve(address.port);
      else reject(new Error("the operating system returned no port"));
    });
  });
}
