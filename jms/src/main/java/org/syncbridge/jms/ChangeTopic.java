package org.syncbridge.jms;

/**
 * The JMS topic that carries change notices between the writers and every node's push hub.
 * configure.cli creates it; external-broker.cli rebinds it to a shared broker for a cluster.
 */
public final class ChangeTopic {
    public static final String JNDI_NAME = "java:/jms/topic/syncbridge-changes";

    private ChangeTopic() {
    }
}
