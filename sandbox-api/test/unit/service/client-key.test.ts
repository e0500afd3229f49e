import { describe, expect, it } from 'vitest';
import { clientKey, trustedProxies } from '../../../src/admission/client-key.ts';

const none = trustedProxies([]);
const proxy = trustedProxies(['10.0.0.5', '192.168.1.0/24', '::1']);

describe('the fairness key of a request', () => {
  it('is the socket address; X-Forwarded-For from an untrusted peer is ignored', () => {
    expect(clientKey('127.0.0.2', undefined, none)).toBe('127.0.0.2');
    expect(clientKey('127.0.0.2', '1.2.3.4', none)).toBe('127.0.0.2');
    expect(clientKey('::ffff:127.0.0.3', undefined, none)).toBe('127.0.0.3');
  });

  it('behind a trusted proxy, is the nearest untrusted hop, read from the right', () => {
    expect(clientKey('10.0.0.5', '203.0.113.7', proxy)).toBe('203.0.113.7');
    // The client wrote a fake first hop; the proxy appended the real one.
    expect(clientKey('10.0.0.5', '6.6.6.6, 203.0.113.7', proxy)).toBe('203.0.113.7');
    // Two trusted proxies in a row.
    expect(clientKey('10.0.0.5', '203.0.113.7, 192.168.1.9', proxy)).toBe('203.0.113.7');
    // Garbage in the header stops the walk at the last address that made sense.
    expect(clientKey('10.0.0.5', 'nonsense', proxy)).toBe('10.0.0.5');
  });

  it('counts an IPv6 host per /64, however many addresses it uses', () => {
    const a = clientKey('2001:db8:1:2:aaaa::1', undefined, none);
    const b = clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee', undefined, none);
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
    expect(clientKey('2001:db8:1:3::1', undefined, none)).not.toBe(a);
  });

  it('a request without a socket (in-process) is "unknown"', () => {
    expect(clientKey(undefined, '1.2.3.4', proxy)).toBe('unknown');
  });

  it('a malformed GML_TRUSTED_PROXIES entry stops the start with its name', () => {
    expect(() => trustedProxies(['10.0.0.0/8', 'proxy.example'])).toThrow(/proxy\.example/);
  });
});
