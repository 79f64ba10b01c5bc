package org.syncbridge.mail.meeting;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Logger;

/**
 * Hands an organizer's invitations to {@link InvitationSender} once the write that caused them is committed, and off
 * the request's thread: a Sync that rolls back sends nothing, and the phone does not wait for SMTP.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InvitationQueue {
    private static final Logger LOG = Logger.getLogger(InvitationQueue.class.getName());

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @EJB
    InvitationSender sender;

    public void afterCommit(InvitationSender.Batch batch) {
        if (batch.notices().isEmpty()) {
            return;
        }
        InvitationSender target = sender;
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(() -> target.send(batch));
                } else {
                    LOG.info(() -> batch.notices().size() + " meeting message(s) of user " + batch.userId() + " not sent: the write rolled back");
                }
            }
        });
    }
}
