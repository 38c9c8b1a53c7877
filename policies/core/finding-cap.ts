// A resource can hold thousands of copies of one mistake (a 2,000-container pod, a scope listed 100,000
// times). Each finding is a diagnostic the engine prints and CI stores, so one policy lists at most
// `maxFindingsPerResource` on one resource and then says how many more it found. A message it already
// reported on the resource is not reported again: two stack objects that are one Kubernetes object (same
// kind, namespace and name) give the same finding twice, and a copy tells the reader nothing new.
import type { ReportViolation } from "@pulumi/policy";

export const maxFindingsPerResource = 100;

/** Counts findings per resource and holds back those past the cap until `flush` says how many there were. */
export class FindingCap<R> {
    private readonly counts = new Map<R, { label: string; urn?: string; count: number; messages: Set<string> }>();

    constructor(private readonly reportViolation: ReportViolation) {}

    /** Reports the message unless this resource already had it or the maximum. */
    report(resource: R, label: string, message: string, urn?: string): void {
        let seen = this.counts.get(resource);
        if (!seen) this.counts.set(resource, (seen = { label, urn, count: 0, messages: new Set() }));
        if (seen.count < maxFindingsPerResource) {
            if (seen.messages.has(message)) return;
            seen.messages.add(message);
        }
        seen.count++; // past the cap, counted without being kept
        if (seen.count <= maxFindingsPerResource) this.reportViolation(message, urn);
    }

    /** One more finding per capped resource, with the number left out. */
    flush(): void {
        for (const { label, urn, count } of this.counts.values()) {
            if (count <= maxFindingsPerResource) continue;
            const more = count - maxFindingsPerResource;
            this.reportViolation(`${label}: ${more} more finding${more === 1 ? "" : "s"} of this policy on this resource are not listed; the first ${maxFindingsPerResource} above show what to fix`, urn);
        }
    }
}
