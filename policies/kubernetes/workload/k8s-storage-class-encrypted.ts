import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, type Dict, isPatchType, isUnknown, peek, resourcePolicy, show, types, wrongType } from "../../core";

type StorageClass = Unwrap<k8s.storage.v1.StorageClass>;

const storageClasses = types(
    ...["v1", "v1beta1"].flatMap((v) => [`kubernetes:storage.k8s.io/${v}:StorageClass`, `kubernetes:storage.k8s.io/${v}:StorageClassPatch`]),
);

/**
 * Block-storage provisioners and the parameter that names a customer-managed key. Parameter names are
 * the drivers' own (kubernetes-sigs aws-ebs-csi-driver docs/parameters.md, azuredisk-csi-driver
 * docs/driver-parameters.md, gcp-compute-persistent-disk-csi-driver pkg/common/parameters.go); all three
 * compare parameter names case-insensitively.
 */
const drivers = [
    { disks: "EBS volumes", provisioners: ["ebs.csi.aws.com", "ebs.csi.eks.amazonaws.com", "kubernetes.io/aws-ebs"], keyParameter: "kmsKeyId", defaultKey: "the AWS managed key aws/ebs", key: "a customer-managed KMS key ARN" },
    { disks: "Azure managed disks", provisioners: ["disk.csi.azure.com", "kubernetes.io/azure-disk"], keyParameter: "diskEncryptionSetID", defaultKey: "a platform-managed key", key: "the resource id of a disk encryption set" },
    { disks: "persistent disks", provisioners: ["pd.csi.storage.gke.io", "kubernetes.io/gce-pd"], keyParameter: "disk-encryption-kms-key", defaultKey: "a Google-managed key", key: "a Cloud KMS key (projects/.../cryptoKeys/...)" },
];
const ebs = drivers[0];

/** `parameters.kmsKeyId`, or `parameters["disk-encryption-kms-key"]`. */
function parameterPath(key: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `parameters.${key}` : `parameters["${key}"]`;
}

/** A parameter found case-insensitively, with the key as written (or the driver's spelling when absent). */
function parameter(parameters: Dict | undefined, name: string): { path: string; value: unknown } {
    const key = Object.keys(parameters ?? {}).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    return { path: parameterPath(key), value: peek(parameters, key) };
}

interface Config {
    requireCustomerManagedKey: boolean;
}

export const k8sStorageClassEncrypted = resourcePolicy<StorageClass, Config>({
    name: "k8s-storage-class-encrypted",
    description:
        'StorageClasses provision encrypted volumes: EBS classes (ebs.csi.aws.com, kubernetes.io/aws-ebs) set `encrypted: "true"`. ' +
        "With `requireCustomerManagedKey`, EBS, Azure disk and GCE persistent disk classes also name a customer-managed key " +
        "(kmsKeyId, diskEncryptionSetID, disk-encryption-kms-key).",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "encryption"],
    remediationSteps:
        'Set `parameters: { type: "gp3", encrypted: "true" }` on every EBS StorageClass (add `kmsKeyId` with a customer-managed ' +
        'KMS key ARN to choose the key); with @pulumi/eks, declare `storageClasses: { gp2: { type: "gp2", encrypted: true, default: true } }` ' +
        "instead of the string form. Where `requireCustomerManagedKey` is on, also set `kmsKeyId` (EBS), `diskEncryptionSetID` " +
        "(disk.csi.azure.com) or `disk-encryption-kms-key` (pd.csi.storage.gke.io). StorageClass parameters are immutable: " +
        "create a new class and move the claims.",
    url: "https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md",
    configSchema: {
        properties: {
            requireCustomerManagedKey: {
                type: "boolean",
                default: false,
                description:
                    "Also require a customer-managed key: kmsKeyId on EBS classes, diskEncryptionSetID on Azure disk classes, " +
                    "disk-encryption-kms-key on GCE persistent disk classes. Azure and GCE disks are always encrypted with a provider key.",
            },
        },
    },
    appliesTo: storageClasses,
    validate: (props, ctx) => {
        const provisioner = peek(props, "provisioner" satisfies keyof StorageClass);
        if (isUnknown(provisioner)) return ctx.defer("provisioner", "is computed from another resource, so which volumes the class provisions is not known until deploy");
        const driver = drivers.find((d) => typeof provisioner === "string" && d.provisioners.includes(provisioner));
        if (!driver) return;
        const raw = peek(props, "parameters" satisfies keyof StorageClass);
        if (isUnknown(raw)) return ctx.defer("parameters");
        const parameters = asDict(raw);
        const partial = isPatchType(ctx.type);
        if (driver === ebs) {
            const { path, value } = parameter(parameters, "encrypted");
            const unencrypted = `so ${provisioner} creates unencrypted EBS volumes`;
            const fix = 'set parameters.encrypted: "true"';
            if (isUnknown(value)) ctx.defer(path);
            else if (value === undefined || value === null) {
                if (!partial) ctx.violation(path, `is absent, ${unencrypted} (unless EBS encryption by default is on for the account and region)`, fix);
            } else if (typeof value !== "string") ctx.violation(path, `${wrongType('the string "true"', value)}; parameters are strings, and the driver encrypts only for "true"`, fix);
            else if (value === "false") ctx.violation(path, `is "false", ${unencrypted}`, fix);
            else if (value !== "true") ctx.violation(path, `is ${show(value)}, not "true", the value the EBS drivers document for encrypted volumes`, fix);
        }
        if (!ctx.config.requireCustomerManagedKey) return;
        const { path, value } = parameter(parameters, driver.keyParameter);
        const fix = `set ${path} to ${driver.key}`;
        if (isUnknown(value)) return;
        if (value === undefined || value === null || value === "") {
            if (!partial) ctx.violation(path, `is ${show(value)}, so ${provisioner} encrypts ${driver.disks} with ${driver.defaultKey}, and requireCustomerManagedKey asks for a customer-managed key`, fix);
        } else if (typeof value !== "string") {
            ctx.violation(path, `${wrongType("a string", value)}; parameters are strings`, fix);
        }
    },
});
