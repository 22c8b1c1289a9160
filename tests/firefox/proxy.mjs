// Firefox has no `--host-resolver-rules`: this tiny HTTP proxy plays that part for the Firefox smoke
// test. Firefox sends every request through it (network.proxy.* prefs); a `CONNECT host:443` for a
// mapped hostname is tunnelled to that host's loopback port, and everything else is refused, so no
// request leaves the machine. Pages keep their real origin (the tunnel is end to end TLS).
import { createServer } from 'node:http';
import { connect } from 'node:net';

/**
 * @param {Record<string, number>} hosts hostname → loopback port
 * @returns {Promise<{ port: number, tunnels: string[], refused: string[], close(): Promise<void> }>}
 */
export async function startConnectProxy(hosts) {
  const sockets = new Set();
  const proxy = {
    port: 0,
    /** "host:port" of every tunnel opened, in order. */
    tunnels: [],
    /** What was refused (unmapped CONNECTs, plain-HTTP requests): Firefox's own background traffic. */
    refused: [],
    close: () => new Promise((done) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => done());
    }),
  };
  const server = createServer((req, res) => {
    proxy.refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('not mapped by the test proxy\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client, head) => {
    const [host, port] = (req.url ?? '').split(':');
    const target = host && port === '443' ? hosts[host] : undefined;
    if (target === undefined) {
      proxy.refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    proxy.tunnels.push(req.url);
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  proxy.port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return proxy;
}
