package org.syncbridge.device;

/**
 * The server's answer to the acknowledgement phase.
 *
 * @param policyStatus MS-ASPROV's Policy Status: 1 success, 5 the client acknowledged the wrong key
 * @param finalPolicyKey the key the device sends from now on, or null when it must start over
 */
public record ProvisionAnswer(int policyStatus, Long finalPolicyKey) {
}
