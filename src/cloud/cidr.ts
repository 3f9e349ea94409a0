/**
 * Exact CIDR arithmetic for IPv4 and IPv6, on bigints. Used for allow-lists (is the world in
 * it? how wide is each range?) and for NetworkPolicy `ipBlock`s (does it cover 169.254.169.254?).
 */

export interface Cidr {
  family: 4 | 6;
  /** The network address as given, host bits included. */
  address: bigint;
  prefix: number;
  text: string;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      return undefined;
    }
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(input: string): bigint | undefined {
  let text = input;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1] !== undefined) {
    const v4 = parseIpv4(dotted[1]);
    if (v4 === undefined) {
      return undefined;
    }
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const toGroups = (part: string | undefined): bigint[] | undefined => {
    if (part === undefined || part === '') {
      return [];
    }
    const groups: bigint[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) {
        return undefined;
      }
      groups.push(BigInt(`0x${group}`));
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const rest = toGroups(halves[1]);
  if (head === undefined || rest === undefined) {
    return undefined;
  }
  const explicit = head.length + rest.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) {
    return undefined;
  }
  const zeros = Array<bigint>(8 - explicit).fill(0n);
  const groups = halves.length === 1 ? head : [...head, ...zeros, ...rest];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** Parses `a.b.c.d/n`, an IPv6 CIDR, or a bare address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const [address = '', prefixText] = trimmed.split('/', 2);
  const family = address.includes(':') ? 6 : 4;
  const value = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === undefined) {
    return undefined;
  }
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > bits ||
    (prefixText !== undefined && !/^\d+$/.test(prefixText))
  ) {
    return undefined;
  }
  return { family, address: value, prefix, text: trimmed };
}

/** Whether the range covers an address (which must be of the same family). */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const target = parseCidr(address);
  if (target === undefined || target.family !== cidr.family) {
    return false;
  }
  const bits = BigInt(cidr.family === 4 ? 32 : 128);
  const shift = bits - BigInt(cidr.prefix);
  return cidr.address >> shift === target.address >> shift;
}

/** `0.0.0.0/0` or `::/0`: every address. */
export function isWorld(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && cidr.prefix === 0;
}

export const IMDS_ADDRESS = '169.254.169.254';
