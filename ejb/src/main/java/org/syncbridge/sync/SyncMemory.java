package org.syncbridge.sync;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ejb.Stateless;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.persistence.sync.CollectionState;
import org.syncbridge.persistence.sync.RememberedSync;

/**
 * A device's last full Sync request (12.1+): an empty Sync repeats it and a Partial one completes
 * it. The protocol module encodes the request; this keeps it per device, next to the sync states.
 */
@Stateless
public class SyncMemory {
    private static final Logger LOG = Logger.getLogger(SyncMemory.class.getName());

    @PersistenceContext
    EntityManager em;

    public void remember(long deviceId, String request) {
        if (request.length() > RememberedSync.MAX_LENGTH) {
            LOG.info(() -> "A Sync request of " + request.length() + " characters is too long to remember for device " + deviceId);
            forget(deviceId);
            return;
        }
        RememberedSync remembered = em.find(RememberedSync.class, deviceId);
        if (remembered == null) {
            em.persist(new RememberedSync(deviceId, request));
        } else {
            remembered.setRequest(request);
        }
    }

    public Optional<String> recall(long deviceId) {
        return Optional.ofNullable(em.find(RememberedSync.class, deviceId)).map(RememberedSync::getRequest);
    }

    private void forget(long deviceId) {
        RememberedSync remembered = em.find(RememberedSync.class, deviceId);
        if (remembered != null) {
            em.remove(remembered);
        }
    }

    /** The key last given to the device for the collection: what an empty Sync goes on from. */
    public Optional<String> currentKey(long deviceId, String collectionId) {
        CollectionState.Key key = new CollectionState.Key(deviceId, collectionId);
        return Optional.ofNullable(em.find(CollectionState.class, key)).map(s -> String.valueOf(s.getSyncKey()))
                .or(() -> Optional.ofNullable(em.find(org.syncbridge.persistence.mail.MailSyncState.class, key))
                        .map(s -> String.valueOf(s.getSyncKey())));
    }
}
