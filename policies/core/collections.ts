// Maps from a key to the items that share it, for the indexes that keep stack checks linear.

/** Appends `item` to the list under `key`, starting the list when there is none. */
export function pushTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
    const list = lists.get(key);
    if (list) list.push(item);
    else lists.set(key, [item]);
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    for (const item of items) pushTo(groups, key(item), item);
    return groups;
}
