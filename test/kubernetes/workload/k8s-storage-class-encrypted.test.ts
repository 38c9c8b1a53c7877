import * as assert from "assert";
import type { StorageClassArgs } from "@pulumi/kubernetes/storage/v1/storageClass";
import { unknownValue } from "../../../engine/wire";
import { k8sStorageClassEncrypted as policy } from "../../../policies/kubernetes/workload/k8s-storage-class-encrypted";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";

const type = "kubernetes:storage.k8s.io/v1:StorageClass";
const storageClass = (provisioner: string, parameters?: Record<string, string>, name = "fast"): StorageClassArgs => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name },
    provisioner,
    ...(parameters ? { parameters } : {}),
    reclaimPolicy: "Delete",
    volumeBindingMode: "WaitForFirstConsumer",
});
const cmk = { requireCustomerManagedKey: true };
const kmsKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const des = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des";
const cloudKms = "projects/p/locations/europe-west1/keyRings/k8s/cryptoKeys/disks";

describe("k8s-storage-class-encrypted", () => {
    it('passes EBS classes with encrypted: "true" (any key case), other clouds\' disks, and other provisioners', () => {
        for (const props of [
            storageClass("ebs.csi.aws.com", { type: "gp3", encrypted: "true" }),
            storageClass("kubernetes.io/aws-ebs", { type: "gp2", Encrypted: "true", kmsKeyId: kmsKey }),
            storageClass("ebs.csi.eks.amazonaws.com", { type: "gp3", encrypted: "true" }),
            storageClass("disk.csi.azure.com", { skuName: "Premium_LRS" }),
            storageClass("pd.csi.storage.gke.io", { type: "pd-balanced" }),
            storageClass("efs.csi.aws.com", { provisioningMode: "efs-ap" }),
            storageClass("kubernetes.io/no-provisioner"),
        ]) {
            assert.deepStrictEqual(checkResource(policy, type, props).violations, [], props.provisioner as string);
        }
    });

    it("flags EBS classes without encryption: absent (the @pulumi/eks gp2 class), \"false\", or a boolean", () => {
        // What @pulumi/eks creates for `storageClasses: "gp2"` (nodejs/eks/cluster/storageclass.ts).
        const eksDefault = storageClass("kubernetes.io/aws-ebs", { type: "gp2" }, "gp2");
        assert.deepStrictEqual(checkResource(policy, type, eksDefault).violations, [
            'StorageClass "gp2": parameters.encrypted is absent, so kubernetes.io/aws-ebs creates unencrypted EBS volumes (unless EBS encryption by default is on for the account and region). Fix: set parameters.encrypted: "true"',
        ]);
        assert.match(checkResource(policy, type, storageClass("ebs.csi.aws.com", { type: "gp3", encrypted: "false" })).violations[0], /parameters\.encrypted is "false", so ebs\.csi\.aws\.com creates unencrypted EBS volumes/);
        assert.match(checkResource(policy, type, storageClass("ebs.csi.aws.com", { type: "gp3", ENCRYPTED: "True" })).violations[0], /parameters\.ENCRYPTED is "True", not "true", the value the EBS drivers document for encrypted volumes/);
        assert.match(checkResource(policy, type, storageClass("ebs.csi.aws.com", { encrypted: true as unknown as string })).violations[0], /parameters\.encrypted has the wrong type: expected the string "true", found boolean true; parameters are strings/);
        assert.match(checkResource(policy, type, storageClass("ebs.csi.aws.com")).violations[0], /parameters\.encrypted is absent/);
        assert.match(checkResource(policy, type, { ...storageClass("ebs.csi.aws.com"), parameters: "encrypted" }).violations[0], /parameters\.encrypted is absent/);
        assert.strictEqual(checkResource(policy, "kubernetes:storage.k8s.io/v1beta1:StorageClass", eksDefault).violations.length, 1);
    });

    it("with requireCustomerManagedKey, requires kmsKeyId, diskEncryptionSetID or disk-encryption-kms-key", () => {
        const passing = [
            storageClass("ebs.csi.aws.com", { encrypted: "true", kmsKeyId: kmsKey }),
            storageClass("disk.csi.azure.com", { skuName: "Premium_LRS", diskEncryptionSetID: des }),
            storageClass("kubernetes.io/azure-disk", { diskencryptionsetid: des }),
            storageClass("pd.csi.storage.gke.io", { type: "pd-ssd", "disk-encryption-kms-key": cloudKms }),
        ];
        for (const props of passing) assert.deepStrictEqual(checkResource(policy, type, props, { config: cmk }).violations, [], props.provisioner as string);
        const failing: [StorageClassArgs, RegExp][] = [
            [storageClass("ebs.csi.aws.com", { encrypted: "true" }), /parameters\.kmsKeyId is absent, so ebs\.csi\.aws\.com encrypts EBS volumes with the AWS managed key aws\/ebs, and requireCustomerManagedKey asks for a customer-managed key\. Fix: set parameters\.kmsKeyId to a customer-managed KMS key ARN/],
            [storageClass("disk.csi.azure.com", { skuName: "Premium_LRS" }), /parameters\.diskEncryptionSetID is absent, so disk\.csi\.azure\.com encrypts Azure managed disks with a platform-managed key.*Fix: set parameters\.diskEncryptionSetID to the resource id of a disk encryption set/],
            [storageClass("pd.csi.storage.gke.io", { "disk-encryption-kms-key": "" }), /parameters\["disk-encryption-kms-key"\] is "", so pd\.csi\.storage\.gke\.io encrypts persistent disks with a Google-managed key/],
            [storageClass("kubernetes.io/gce-pd", { type: "pd-standard" }), /parameters\["disk-encryption-kms-key"\] is absent, so kubernetes\.io\/gce-pd/],
            [storageClass("disk.csi.azure.com", { diskEncryptionSetID: 42 as unknown as string }), /parameters\.diskEncryptionSetID has the wrong type: expected a string, found number 42/],
        ];
        for (const [props, expected] of failing) {
            const r = checkResource(policy, type, props, { config: cmk });
            assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
            assert.match(r.violations[0], expected);
        }
        assert.strictEqual(checkResource(policy, type, storageClass("ebs.csi.aws.com"), { config: cmk }).violations.length, 2);
    });

    it("judges a Patch only on the parameters it sets", () => {
        const patchType = "kubernetes:storage.k8s.io/v1:StorageClassPatch";
        assert.deepStrictEqual(checkResource(policy, patchType, { provisioner: "ebs.csi.aws.com", parameters: { type: "gp3" } }, { config: cmk }).violations, []);
        assert.strictEqual(checkResource(policy, patchType, { provisioner: "ebs.csi.aws.com", parameters: { encrypted: "false" } }).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, patchType, { metadata: { name: "x" } }).violations, []);
    });

    it("in a preview: defers what is unknown and decides, keeps other findings, and takes a computed key as present", () => {
        assert.match(checkResource(policy, type, storageClass(unknownValue("string"))).unknown ?? "", /provisioner is computed from another resource/);
        assert.match(checkResource(policy, type, { ...storageClass("ebs.csi.aws.com"), parameters: unknownValue("object") }).unknown ?? "", /parameters is computed/);
        const r = checkResource(policy, type, storageClass("ebs.csi.aws.com", { encrypted: unknownValue("string") }), { config: cmk });
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /parameters\.kmsKeyId is absent/);
        assert.match(r.unknown ?? "", /parameters\.encrypted is computed/);
        assert.deepStrictEqual(checkResource(policy, type, storageClass("ebs.csi.aws.com", { encrypted: "true", kmsKeyId: unknownValue("string") }), { config: cmk }), { violations: [] });
    });

    it("judges the live object like the manifest; not applicable to other kinds", () => {
        const manifest = storageClass("kubernetes.io/aws-ebs", { type: "gp2" }, "gp2");
        const live = liveObject(manifest, { defaults: { allowVolumeExpansion: false } });
        assert.deepStrictEqual(checkResource(policy, type, live, { dryRun: false }).violations, checkResource(policy, type, manifest).violations);
        assert.match(checkResource(policy, "kubernetes:core/v1:PersistentVolumeClaim", {}).notApplicable ?? "", /does not apply/);
    });
});
