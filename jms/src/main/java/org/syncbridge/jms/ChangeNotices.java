package org.syncbridge.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Topic;

/**
 * Publishes change notices on the topic. Called inside the writer's JTA transaction, the container's
 * JMSContext enlists the send in it, so a notice is delivered exactly when the change commits.
 */
@ApplicationScoped
public class ChangeNotices {

    @Inject
    JMSContext jms;

    @Resource(lookup = ChangeTopic.JNDI_NAME)
    Topic topic;

    public void publish(ChangeNotice notice) {
        MapMessage message = jms.createMapMessage();
        try {
            message.setString("kind", notice.kind().name());
            message.setLong("context", notice.contextId());
            message.setString("users", notice.usersText());
            message.setString("where", notice.where());
        } catch (JMSException e) {
            throw new IllegalStateException("A change notice could not be written: " + e.getMessage(), e);
        }
        jms.createProducer().send(topic, message);
    }

    /** The notice a message carries. */
    static ChangeNotice read(Message message) throws JMSException {
        MapMessage map = (MapMessage) message;
        return new ChangeNotice(ChangeNotice.Kind.valueOf(map.getString("kind")), map.getLong("context"),
                ChangeNotice.usersOf(map.getString("users")), map.getString("where"));
    }
}
