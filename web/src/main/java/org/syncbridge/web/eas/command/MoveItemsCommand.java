package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.syncbridge.sync.ItemOperations;
import org.syncbridge.sync.MoveResult;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * MoveItems (MS-ASCMD 2.2.1.12): moves PIM items between folders of one class; each Move is answered
 * on its own, with the item's new ServerId when it moved (Status 3, the spec's success).
 */
@ApplicationScoped
public class MoveItemsCommand implements ImmediateCommand {
    private static final String NS = "Move:";
    private static final Tag ROOT = Tag.of(NS, "MoveItems");
    private static final Tag MOVE = Tag.of(NS, "Move");
    private static final Tag SRC_MSG_ID = Tag.of(NS, "SrcMsgId");
    private static final Tag SRC_FLD_ID = Tag.of(NS, "SrcFldId");
    private static final Tag DST_FLD_ID = Tag.of(NS, "DstFldId");
    private static final Tag RESPONSE = Tag.of(NS, "Response");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag DST_MSG_ID = Tag.of(NS, "DstMsgId");

    @EJB
    ItemOperations items;

    @Override
    public Tag root() {
        return ROOT;
    }

    private record Answer(String sourceId, MoveResult result) {
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        List<Element> moves = x.request(ROOT).children(MOVE);
        if (moves.isEmpty()) {
            throw new MalformedWbxml("MoveItems needs at least one Move");
        }
        List<Answer> answers = new ArrayList<>();
        for (Element move : moves) {
            String sourceId = move.childText(SRC_MSG_ID).orElse("");
            answers.add(new Answer(sourceId, items.move(x.device().id(), x.user().userId(), x.mail(), move.childText(SRC_FLD_ID).orElse(""),
                    sourceId, move.childText(DST_FLD_ID).orElse(""))));
        }
        return Wbxml.ok(out -> {
            out.start(ROOT);
            for (Answer a : answers) {
                out.start(RESPONSE).text(SRC_MSG_ID, a.sourceId()).text(STATUS, status(a.result().status()));
                if (a.result().destinationId() != null) {
                    out.text(DST_MSG_ID, a.result().destinationId());
                }
                out.end();
            }
            out.end();
        });
    }

    /** MS-ASCMD 2.2.3.177.10. */
    private static String status(MoveResult.Status status) {
        return switch (status) {
            case INVALID_SOURCE -> "1";
            case INVALID_DESTINATION -> "2";
            case MOVED -> "3";
            case SAME_FOLDER -> "4";
            case FAILED -> "5";
            case DENIED -> "7";
        };
    }
}
