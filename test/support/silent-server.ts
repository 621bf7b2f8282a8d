/**
 * A TCP server on a free loopback port that accepts connections and never says a word: a database
 * server that hangs. `close` drops the connections, so a client waiting on one gives up. Closing
 * it before use leaves a port where nothing listens (a database that is down).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';

export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
