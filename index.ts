import { PolicyPack } from "@pulumi/policy";
import { releaseSdkDebugger } from "./policies/core/debugger";
import { deserializePropsOncePerRequest } from "./policies/core/deserialize-once";
import { policies } from "./policies";

releaseSdkDebugger();
deserializePropsOncePerRequest();
new PolicyPack("cluster-guard", { policies: [...policies] });
