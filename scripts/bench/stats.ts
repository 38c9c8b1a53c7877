// Small statistics for the bench: medians and the growth exponent of a cost over input size.

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** k in cost ∝ n^k, from the costs at two sizes. */
export function growthExponent(smallCost: number, largeCost: number, smallSize: number, largeSize: number): number {
    return Math.log(largeCost / smallCost) / Math.log(largeSize / smallSize);
}
