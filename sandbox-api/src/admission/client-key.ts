import { BlockList, isIP } from 'node:net';

/**
 * Addresses whose `X-Forwarded-For` the service believes (`GML_TRUSTED_PROXIES`): plain
 * addresses or CIDR blocks, comma-separated. Anyone else could write any address into that
 * header and so pick the fairness bucket they are counted in.
 */
export function trustedProxies(list: readonly string[]): BlockList {
  const blocks = new BlockList();
  for (const raw of list) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [addr = '', bits] = entry.split('/');
    const family = isIP(addr);
    if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(`GML_TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an address or CIDR`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) blocks.addAddress(addr, type);
    else blocks.addSubnet(addr, Number(bits), type);
  }
  return blocks;
}

/** `::ffff:1.2.3.4` is the IPv4 client 1.2.3.4 on a dual-stack socket. */
function plain(addr: string): string {
  const trimmed = addr.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function trusted(addr: string, proxies: BlockList): boolean {
  const family = isIP(addr);
  return family !== 0 && proxies.check(addr, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The fairness bucket of a client. An IPv6 host usually owns a whole /64, so one is counted
 * per /64 (otherwise one host could be millions of clients).
 */
function bucket(addr: string): string {
  if (isIP(addr) !== 6) return addr;
  const [head = '', tail = ''] = addr.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const full = addr.includes('::')
    ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
    : h;
  return `${full
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/**
 * Who a request is from: the socket's peer address, or, when that peer is a trusted proxy, the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy (proxies append, so
 * the list is read from the right; anything left of the first untrusted hop is the client's own
 * claim and ignored).
 */
export function clientKey(
  remote: string | undefined,
  forwardedFor: string | undefined,
  proxies: BlockList,
): string {
  if (remote === undefined || remote === '') return 'unknown';
  let client = plain(remote);
  if (forwardedFor !== undefined && trusted(client, proxies)) {
    const hops = forwardedFor
      .split(',')
      .map(plain)
      .filter((h) => h !== '');
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (isIP(hop) === 0) break;
      client = hop;
      if (!trusted(hop, proxies)) break;
    }
  }
  return bucket(client);
}
