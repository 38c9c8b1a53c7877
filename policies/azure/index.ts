import { aksLocalAccountsDisabled } from "./aks-local-accounts-disabled";

/** Azure AKS policies, in the order docs list them. */
export const azurePolicies = [aksLocalAccountsDisabled];
