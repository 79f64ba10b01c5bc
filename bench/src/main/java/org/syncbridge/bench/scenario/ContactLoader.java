package org.syncbridge.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Fills a contacts folder the way a phone uploads its address book: Sync Adds in batches, each answered with
 * the new ServerIds. The phone then knows its items by ServerId, as a real one would.
 */
final class ContactLoader {
    /** A loaded folder: the writing phone (synced up to {@code syncKey}) and the ServerId of contact n at index n. */
    record Loaded(EasClient writer, String collectionId, String syncKey, List<String> serverIds) {
    }

    private ContactLoader() {
    }

    static Loaded load(BenchContext bench, EasClient writer, int count) {
        writer.provision();
        String collection = writer.folderOfType(9);
        String key = writer.sync(SyncCall.first(collection)).syncKey();
        int batch = bench.config().addBatch();
        List<String> serverIds = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int from = 0; from < count; from += batch) {
            bench.deadline().check("loading contacts (" + from + " of " + count + ")");
            List<Element> adds = new ArrayList<>();
            for (int n = from; n < Math.min(count, from + batch); n++) {
                adds.add(SyncCall.add("c" + n, Contacts.contact(n, 0)));
            }
            SyncPage page = writer.sync(SyncCall.next(collection, key, 100).with(adds));
            Map<String, String> added = page.addedServerIds();
            for (int n = from; n < Math.min(count, from + batch); n++) {
                String serverId = added.get("c" + n);
                if (serverId == null) {
                    throw new EasFailure("no ServerId for the Add of c" + n);
                }
                serverIds.add(serverId);
            }
            key = page.syncKey();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        bench.report().linef("- loaded %d contacts in %s s through Sync Adds of %d (%s adds/s)", count, Report.f1(seconds), batch,
                Report.f1(count / seconds));
        return new Loaded(writer, collection, key, serverIds);
    }
}
