// The frameworks command: coverage of each benchmark by the pack's policies.
export * from "./coverage";
export * from "./render";
