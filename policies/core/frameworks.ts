// Compliance frameworks policies cite. Versions are kept here so a benchmark update is one edit.
import type { PolicyComplianceFramework } from "@pulumi/policy";

function framework(name: string, version: string) {
    return (reference: string, specification: string): PolicyComplianceFramework => ({
        name,
        version,
        reference,
        specification,
    });
}

export const cisEks = framework("CIS Amazon EKS Benchmark", "1.7.0");
export const cisAks = framework("CIS Azure Kubernetes Service (AKS) Benchmark", "1.7.0");
export const cisGke = framework("CIS Google Kubernetes Engine (GKE) Benchmark", "1.6.0");
export const cisKubernetes = framework("CIS Kubernetes Benchmark", "1.10.0");
/** Pod Security Standards: reference is the level ("baseline" or "restricted"), specification the control. */
export const podSecurityStandards = framework("Kubernetes Pod Security Standards", "v1.35");
/** NSA/CISA Kubernetes Hardening Guidance, for controls the CIS benchmarks do not number. */
export const nsaHardening = framework("NSA/CISA Kubernetes Hardening Guidance", "1.2");
