// CIDR reasoning with ipaddr.js: which ranges are open to the world, how broad a range is, and
// whether a range or an except-list covers an address.
import * as ipaddr from "ipaddr.js";

export interface Cidr {
    text: string;
    address: ipaddr.IPv4 | ipaddr.IPv6;
    prefix: number;
    family: "ipv4" | "ipv6";
}

// Stack policies compare the same few ranges and addresses for every pair of resources they link, so
// parsing is cached by text. The results are shared: never modify one.
const parsed = new Map<string, Cidr | undefined>();
const maxCached = 4096;

/** Parses "10.0.0.0/8", "::/0" or a bare address (as a /32 or /128); undefined when invalid. */
export function parseCidr(text: unknown): Cidr | undefined {
    if (typeof text !== "string") return undefined;
    // No range is longer than an IPv6 CIDR with spaces around it; longer text is not cached.
    if (text.length > 64) return parseUncached(text);
    if (parsed.has(text)) return parsed.get(text);
    const cidr = parseUncached(text);
    if (parsed.size >= maxCached) parsed.clear();
    parsed.set(text, cidr);
    return cidr;
}

function parseUncached(text: string): Cidr | undefined {
    const trimmed = text.trim();
    try {
        if (ipaddr.isValidCIDR(trimmed)) {
            const [address, prefix] = ipaddr.parseCIDR(trimmed);
            return { text: trimmed, address, prefix, family: address.kind() };
        }
        if (ipaddr.isValid(trimmed)) {
            const address = ipaddr.parse(trimmed);
            return { text: trimmed, address, prefix: address.kind() === "ipv4" ? 32 : 128, family: address.kind() };
        }
    } catch {
        return undefined;
    }
    return undefined;
}

/** True for 0.0.0.0/0 and ::/0 (any prefix-0 range), which admit every address. */
export function isOpenToWorld(cidr: Cidr): boolean {
    return cidr.prefix === 0;
}

/** True when `outer` contains every address of `inner` (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
    return inner.address.match(outer.address, outer.prefix);
}

/** True when the range contains the address (e.g. 169.254.169.254). */
export function cidrContainsAddress(cidr: Cidr, address: string): boolean {
    const target = parseCidr(address);
    return target !== undefined && cidrContains(cidr, target);
}

/** Shortest prefix a range may have, per family, before it counts as too broad. */
export interface MinimumPrefix {
    ipv4: number;
    ipv6: number;
}

/** True when the range is broader (a shorter prefix) than the minimum for its family. */
export function isBroaderThan(cidr: Cidr, minimum: MinimumPrefix): boolean {
    return cidr.prefix < minimum[cidr.family];
}
