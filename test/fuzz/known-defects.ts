// Defects the fuzz finds in code other engineers are changing on their branches (issue 15). The slice
// reports them without failing; remove an entry once its fix is merged, and the slice guards it again.

export interface KnownDefect {
    /** The finding's class label and signature, as the fuzz summary prints them. */
    label: string;
    signature: RegExp;
    /** Who fixes it, and where it is tracked. */
    owner: string;
}

export const knownDefects: readonly KnownDefect[] = [];

export function knownDefectOf(label: string, signature: string): KnownDefect | undefined {
    return knownDefects.find((d) => d.label === label && d.signature.test(signature));
}
