// Where Nalish may send a webhook. A merchant chooses the address, so without these checks a
// webhook could be aimed at the server's own network (databases, cloud metadata at
// 169.254.169.254) and the delivery log would show what answered. The URL is checked when it is
// saved, and every address a host name resolves to is checked again when connecting (a name
// can resolve to a private address later: DNS rebinding).
import { BlockList, isIP } from 'node:net';
import { AppError } from '../errors.ts';
import { MAX_WEBHOOK_URL_LENGTH } from '@nalish/domain';

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['64:ff9b::', 96], // NAT64 (reaches IPv4 addresses behind it)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
function normalise(ip: string): { ip: string; type: 'ipv4' | 'ipv6' } {
  const bare = ip.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return { ip: mapped[1]!, type: 'ipv4' };
  // The URL parser writes it in hex: [::ffff:10.0.0.1] becomes [::ffff:a00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return { ip: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), type: 'ipv4' };
  }
  return { ip: bare, type: isIP(bare) === 6 ? 'ipv6' : 'ipv4' };
}

export function isLoopbackAddress(ip: string): boolean {
  const n = normalise(ip);
  return LOOPBACK.check(n.ip, n.type);
}

/** May a webhook connect to this IP address? */
export function addressAllowed(ip: string, allowLoopback: boolean): boolean {
  const n = normalise(ip);
  if (LOOPBACK.check(n.ip, n.type)) return allowLoopback;
  return !PRIVATE.check(n.ip, n.type);
}

// Names that only mean something inside a network, never on the public internet.
const LOCAL_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}


/**
 * The URL as it will be stored, or a localised 400: https only, except http to this computer
 * (127.0.0.1, ::1, localhost) when loopback addresses are allowed (tests, the demo); never a
 * private or internal address, never credentials in the URL.
 */
export function checkWebhookUrl(raw: string, allowLoopback: boolean): string {
  const refuse = (code: 'webhook_url_invalid' | 'webhook_url_scheme' | 'webhook_url_private') =>
    new AppError(code, {}, { fields: [{ path: 'url', code }] });
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw refuse('webhook_url_invalid');
  }
  if (raw.length > MAX_WEBHOOK_URL_LENGTH || u.username || u.password || !u.hostname) throw refuse('webhook_url_invalid');
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw refuse('webhook_url_scheme');
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  const ip = isIP(host.replace(/^\[|\]$/g, '')) ? host : null;
  const loopback = ip ? isLoopbackAddress(ip) : isLoopbackName(host);
  if (loopback && !allowLoopback) throw refuse('webhook_url_private');
  if (u.protocol === 'http:' && !loopback) throw refuse('webhook_url_scheme');
  if (ip && !addressAllowed(ip, allowLoopback)) throw refuse('webhook_url_private');
  if (!ip && !loopback && (!host.includes('.') || LOCAL_SUFFIXES.some((s) => host.endsWith(s)))) throw refuse('webhook_url_private');
  u.hash = '';
  return u.toString();
}
