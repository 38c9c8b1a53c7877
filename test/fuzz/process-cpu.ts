// CPU time of another process, from /proc (Linux). The fuzz judges slowness by the pack's own CPU time,
// so a loaded machine or the engine-side encoding of a large input does not count against the pack.
import * as fs from "fs";

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this runs on. */
const ticksPerSecond = 100;

/** User plus system CPU time of `pid` in milliseconds, or undefined where /proc is unavailable. */
export function processCpuMs(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    } catch {
        return undefined;
    }
}
