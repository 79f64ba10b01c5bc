package org.syncbridge.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * Publishes change notices on the topic. Called inside the writer's JTA transaction, the container's
 * JMSContext enlists the send in it, so a notice is delivered exactly when the change commits. A
 * transaction sends each distinct notice once: a Sync that adds a hundred contacts sends one.
 */
@ApplicationScoped
public class ChangeNotices {

    private static final String REQUEST = "REQUEST";

    @Inject
    JMSContext jms;

    /** The factory behind the injected context, for sends outside a transaction (see {@link #requestArrived}). */
    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = ChangeTopic.JNDI_NAME)
    Topic topic;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public void publish(ChangeNotice notice) {
        if (transaction.getTransactionKey() != null) {
            @SuppressWarnings("unchecked")
            Set<ChangeNotice> sent = (Set<ChangeNotice>) transaction.getResource(ChangeNotices.class);
            if (sent == null) {
                sent = new HashSet<>();
                transaction.putResource(ChangeNotices.class, sent);
            }
            if (!sent.add(notice)) {
                return;
            }
        }
        MapMessage message = jms.createMapMessage();
        try {
            message.setString("kind", notice.kind().name());
            message.setLong("context", notice.contextId());
            message.setString("users", notice.usersText());
            message.setString("where", notice.where());
        } catch (JMSException e) {
            throw new IllegalStateException("A change notice could not be written: " + e.getMessage(), e);
        }
        send(jms, message);
    }

    /**
     * Tells the other nodes that a request of the device arrived at {@code node}: a request the device left
     * parked on one of them ends, as it would on this node. Outside any transaction: it concerns no data.
     */
    public void requestArrived(long deviceId, String node) {
        // Its own context, closed at once: outside a transaction the injected one is request-scoped, and a Ping's
        // request lasts as long as it is parked, so each parked Ping would hold one of the pool's few connections.
        try (JMSContext context = factory.createContext()) {
            MapMessage message = context.createMapMessage();
            try {
                message.setString("kind", REQUEST);
                message.setLong("device", deviceId);
                message.setString("node", node);
            } catch (JMSException e) {
                throw new IllegalStateException("A request notice could not be written: " + e.getMessage(), e);
            }
            send(context, message);
        }
    }

    /** Notices are hints for waiting requests, worthless after a restart: they are not persisted. */
    private void send(JMSContext context, MapMessage message) {
        context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(topic, message);
    }

    /** Hands the message to the hub: a change notice, or another node's news of a device's request. */
    static void deliver(Message message, PushHub hub) throws JMSException {
        if (REQUEST.equals(((MapMessage) message).getString("kind"))) {
            MapMessage map = (MapMessage) message;
            hub.requestArrivedAt(map.getLong("device"), map.getString("node"));
        } else {
            hub.notice(read(message));
        }
    }

    /** The notice a message carries. */
    static ChangeNotice read(Message message) throws JMSException {
        MapMessage map = (MapMessage) message;
        return new ChangeNotice(ChangeNotice.Kind.valueOf(map.getString("kind")), map.getLong("context"),
                ChangeNotice.usersOf(map.getString("users")), map.getString("where"));
    }
}
