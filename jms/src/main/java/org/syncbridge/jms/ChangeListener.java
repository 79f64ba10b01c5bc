package org.syncbridge.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * This node's subscriber to the change topic: every node gets every notice and wakes its own parked
 * requests. One session, so a node's non-durable subscription receives each notice once.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ChangeTopic.JNDI_NAME),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());

    @Inject
    PushHub hub;

    @Override
    public void onMessage(Message message) {
        try {
            ChangeNotices.deliver(message, hub);
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Ignored an unreadable change notice: " + e);
        }
    }
}
