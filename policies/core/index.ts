// The shared core: everything policies have in common. It imports no policy.
export * from "./cidr";
export * from "./config";
export * from "./credentials";
export * from "./exemptions";
export * from "./frameworks";
export * from "./kubernetes-objects";
export * from "./policy";
export * from "./types";
export * from "./values";
export * from "./versions";
export * from "./workloads";
export * from "./unknowns";
export * from "./links";
export * from "./benchmarks";
export * from "./fix-examples";
export * from "./remediation";
export * from "./yaml";
