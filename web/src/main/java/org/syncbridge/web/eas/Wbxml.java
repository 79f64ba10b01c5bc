package org.syncbridge.web.eas;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** Responses whose WBXML body is written as it streams to the client. */
public final class Wbxml {
    public static final String MEDIA_TYPE = "application/vnd.ms-sync.wbxml";

    /** What writes a response body. */
    @FunctionalInterface
    public interface Body {
        void write(WbxmlWriter out) throws IOException;
    }

    private Wbxml() {
    }

    public static Response ok(Body body) {
        StreamingOutput stream = output -> {
            WbxmlWriter writer = new WbxmlWriter(output);
            body.write(writer);
            writer.finish();
        };
        return Response.ok(stream, MEDIA_TYPE).build();
    }

    /** A command's top-level element with only a Status: how 14.0+ refuses a request as a whole. */
    public static Response status(EasCommand command, int status) {
        Tag statusTag = Tag.of(command.root().namespace(), "Status");
        return ok(out -> out.start(command.root()).text(statusTag, String.valueOf(status)).end());
    }
}
