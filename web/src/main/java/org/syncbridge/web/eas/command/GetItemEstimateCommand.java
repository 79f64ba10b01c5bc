package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.sync.CollectionSync;
import org.syncbridge.sync.Estimate;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/** GetItemEstimate: how many changes each collection's next Sync would bring (the SyncKey is AirSync's). */
@ApplicationScoped
public class GetItemEstimateCommand implements ImmediateCommand {
    private static final String NS = "GetItemEstimate:";
    private static final Tag ROOT = Tag.of(NS, "GetItemEstimate");
    private static final Tag COLLECTIONS = Tag.of(NS, "Collections");
    private static final Tag COLLECTION = Tag.of(NS, "Collection");
    private static final Tag COLLECTION_ID = Tag.of(NS, "CollectionId");
    private static final Tag RESPONSE = Tag.of(NS, "Response");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag ESTIMATE = Tag.of(NS, "Estimate");
    private static final Tag SYNC_KEY = Tag.of("AirSync:", "SyncKey");
    private static final Tag FILTER_TYPE = Tag.of("AirSync:", "FilterType");
    private static final Tag OPTIONS = Tag.of("AirSync:", "Options");

    @EJB
    CollectionSync engine;

    @EJB
    org.syncbridge.mail.sync.MailSync mailSync;

    @Override
    public Tag root() {
        return ROOT;
    }

    private record Answer(String collectionId, Estimate estimate) {
    }

    /** The calendar's or mail folder's date window: FilterType in Options from 14.0, beside the CollectionId before. */
    private java.time.Instant windowStart(EasExchange x, String collectionId, Element collection, boolean mail) {
        if (!mail && engine.itemClass(x.user().userId(), collectionId).filter(c -> c == ItemClass.EVENT).isEmpty()) {
            return null;
        }
        return collection.childText(FILTER_TYPE)
                .or(() -> collection.child(OPTIONS).flatMap(o -> o.childText(FILTER_TYPE)))
                .map(FilterType::windowStart).orElse(null);
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.request(ROOT);
        List<Answer> answers = new ArrayList<>();
        for (Element collection : request.child(COLLECTIONS).map(c -> c.children(COLLECTION)).orElse(List.of())) {
            String id = collection.childText(COLLECTION_ID).orElse("");
            String key = collection.childText(SYNC_KEY).orElse("");
            boolean mail = mailSync.isMailFolder(x.user().userId(), id);
            java.time.Instant windowStart = windowStart(x, id, collection, mail);
            answers.add(new Answer(id, mail ? mailSync.estimate(x.device().id(), x.user().userId(), x.mail(), id, key, windowStart)
                    : engine.estimate(x.device().id(), x.user().userId(), id, key, windowStart)));
        }
        if (answers.isEmpty()) {
            return Wbxml.status(this, 2);
        }
        return Wbxml.ok(out -> {
            out.start(ROOT);
            for (Answer a : answers) {
                String status = switch (a.estimate().status()) {
                    case OK -> "1";
                    case COLLECTION_GONE -> "2";
                    case NOT_PRIMED -> "3";
                    case INVALID_KEY -> "4";
                };
                out.start(RESPONSE).text(STATUS, status).start(COLLECTION).text(COLLECTION_ID, a.collectionId());
                if (a.estimate().status() == Estimate.Status.OK) {
                    out.text(ESTIMATE, String.valueOf(a.estimate().count()));
                }
                out.end().end();
            }
            out.end();
        });
    }
}
