// A pack process's CPU time and peak memory, read from Linux's /proc (undefined elsewhere). perf's
// instruction counters are not available on every machine (not on VMs without PMU access); CPU time
// of the pack's own process is, and it leaves out the runner's work.
import { execFileSync } from "child_process";
import * as fs from "fs";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
    if (ticksPerSecond === undefined) {
        try {
            ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
        } catch {
            ticksPerSecond = 100;
        }
    }
    return ticksPerSecond;
}

/** User plus system CPU time of a process so far, in ms. */
export function cpuMs(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
    } catch {
        return undefined;
    }
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}
