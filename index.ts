import { PolicyPack } from "@pulumi/policy";
import { releaseSdkDebugger } from "./policies/core/debugger";
import { policies } from "./policies";

releaseSdkDebugger();
new PolicyPack("cluster-guard", { policies: [...policies] });
