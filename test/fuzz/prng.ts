// A small seeded PRNG (mulberry32), so every fuzz run is reproducible from its seed. Never Math.random.

export interface Prng {
    /** A float in [0, 1). */
    next(): number;
    /** An integer in [0, n). */
    int(n: number): number;
    /** True with probability p. */
    chance(p: number): boolean;
    pick<T>(items: readonly T[]): T;
}

export function prng(seed: number): Prng {
    let state = seed >>> 0;
    const next = (): number => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(next() * n);
    return {
        next,
        int,
        chance: (p) => next() < p,
        pick: (items) => {
            if (items.length === 0) throw new Error("pick from an empty list");
            return items[int(items.length)];
        },
    };
}

/** A seed for the i-th case of a run, so one case can be replayed without replaying those before it. */
export function caseSeed(seed: number, index: number): number {
    return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
