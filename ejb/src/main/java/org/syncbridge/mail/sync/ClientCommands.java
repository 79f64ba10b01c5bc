package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.MailRole;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.sync.ClientCommand;
import org.syncbridge.sync.CommandResult;
import org.syncbridge.sync.CommandResult.Outcome;

/**
 * What a phone asks of a mail folder in a Sync: flags and keywords changed, mail deleted (to Deleted Items when it
 * wants), mail fetched, and from 16.0 drafts written. What it did is kept in {@link DeviceWrites} so it is not sent
 * back to it.
 */
final class ClientCommands {
    private static final Logger LOG = Logger.getLogger(ClientCommands.class.getName());

    private final EntityManager em;
    private final MailItems items;

    ClientCommands(EntityManager em, MailItems items) {
        this.em = em;
        this.items = items;
    }

    CommandResult apply(ClientCommand command, MailSyncRequest r, MailFolder folder, Mailbox box, ServerIds ids,
                        DeviceWrites writes) throws MessagingException {
        boolean drafts = r.writesDrafts() && MailRole.DRAFTS.name().equals(folder.getRole());
        if (command instanceof ClientCommand.Add add) {
            if (!drafts || add.properties() == null) {
                LOG.info(() -> "Refused a mail Add in " + folder.getImapName() + ": clients create only drafts (16.0)");
                return new CommandResult(command, null, Outcome.INVALID, null);
            }
            Optional<String> earlier = writes.earlierDraft(add.clientId());
            if (earlier.isPresent()) {
                return new CommandResult(command, earlier.get(), Outcome.OK, null);
            }
            CommandResult stored = storeDraft(command, add.properties(), null, null, r, folder, box, ids, writes);
            if (stored.outcome() == Outcome.OK) {
                writes.draftsAdded.put(add.clientId(), stored.serverId());
            }
            return stored;
        }
        String serverId = serverIdOf(command);
        Optional<Long> uid = ids.uid(serverId);
        Optional<IMAPMessage> message = uid.isEmpty() ? Optional.empty() : box.message(uid.get());
        if (message.isEmpty()) {
            return new CommandResult(command, serverId, Outcome.NOT_FOUND, null);
        }
        IMAPMessage m = message.get();
        if (command instanceof ClientCommand.Fetch) {
            return new CommandResult(command, serverId, Outcome.OK,
                    items.properties(m, folder.getId() + ":" + serverId, r.bodies(), MailAccount.addresses(em, r.userId())));
        }
        if (command instanceof ClientCommand.Delete) {
            Optional<MailFolder> trash = r.deletesAsMoves() && !MailRole.TRASH.name().equals(folder.getRole())
                    ? MailAccount.withRole(em, r.userId(), MailRole.TRASH) : Optional.empty();
            if (trash.isPresent()) {
                box.moveTo(m, trash.get().getImapName());
            } else {
                box.deleteNow(m);
            }
            writes.removed.add(uid.get());
            return new CommandResult(command, serverId, Outcome.OK, null);
        }
        ClientCommand.Change change = (ClientCommand.Change) command;
        if (change.properties() == null) {
            return new CommandResult(command, serverId, Outcome.INVALID, null);
        }
        FlagChange.of(change.properties(), m.getFlags()).apply(m);
        if (drafts && Drafts.edits(change.properties())) {
            return storeDraft(command, change.properties(), m, uid.get(), r, folder, box, ids, writes);
        }
        writes.flags.put(uid.get(), m.getFlags());
        return new CommandResult(command, serverId, Outcome.OK, null);
    }

    /** A new or edited draft; the answer tells the FileReference of each attachment the phone added. */
    private CommandResult storeDraft(ClientCommand command, Map<String, Object> sent, IMAPMessage previous, Long previousUid,
                                     MailSyncRequest r, MailFolder folder, Mailbox box, ServerIds ids, DeviceWrites writes)
            throws MessagingException {
        try {
            Optional<Drafts.Stored> stored = Drafts.store(box, em.find(User.class, r.userId()), sent, previous);
            if (stored.isEmpty()) {
                return new CommandResult(command, null, Outcome.INVALID, null);
            }
            long uid = stored.get().uid();
            String serverId;
            if (previousUid == null) {
                writes.added.put(uid, new Flags(Flags.Flag.DRAFT));
                serverId = ids.serverId(uid);
            } else {
                writes.renamed.put(previousUid, uid);
                serverId = ids.serverId(previousUid); // the phone keeps its ServerId for the new version
            }
            List<Map<String, Object>> added = new ArrayList<>();
            for (DraftMessage.Added a : stored.get().added()) {
                added.add(Map.of("clientId", a.clientId(), "fileReference", folder.getId() + ":" + serverId + ":" + a.section()));
            }
            Map<String, Object> answer = added.isEmpty() ? null : Map.of(EmailProperties.ATTACHMENTS_ADDED, added);
            return new CommandResult(command, serverId, Outcome.OK, answer);
        } catch (java.io.IOException | MessagingException e) {
            LOG.warning(() -> "A draft could not be stored in " + folder.getImapName() + ": " + e);
            return new CommandResult(command, previousUid == null ? null : ids.serverId(previousUid), Outcome.INVALID, null);
        }
    }

    static String serverIdOf(ClientCommand c) {
        return c instanceof ClientCommand.Change ch ? ch.serverId() : c instanceof ClientCommand.Delete d ? d.serverId()
                : c instanceof ClientCommand.Fetch f ? f.serverId() : null;
    }
}
