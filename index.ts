import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("cluster-guard", { policies: [...policies] });
