package org.syncbridge.web.eas.command;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.syncbridge.mail.sync.AttachmentDownload;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * A multipart ItemOperations answer (MS-ASCMD 2.2.1.10.1, asked for with MS-ASAcceptMultiPart: T): the part count,
 * each part's offset and length as 32-bit little-endian numbers, then the WBXML response as part 0 and each
 * attachment's bytes as the part its Part element names. The attachments stream from their spool files.
 */
final class MultipartParts {
    static final String MEDIA_TYPE = "application/vnd.ms-sync.multipart";

    private final List<AttachmentDownload> parts = new ArrayList<>();

    /** Takes an attachment as the next part; answers its number for the Part element. */
    int add(AttachmentDownload download) {
        parts.add(download);
        return parts.size();
    }

    Response response(Wbxml.Body body) throws IOException {
        ByteArrayOutputStream wbxml = new ByteArrayOutputStream();
        WbxmlWriter writer = new WbxmlWriter(wbxml);
        body.write(writer);
        writer.finish();
        byte[] first = wbxml.toByteArray();
        int count = 1 + parts.size();
        ByteBuffer header = ByteBuffer.allocate(4 + 8 * count).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(count);
        long offset = header.capacity();
        header.putInt((int) offset).putInt(first.length);
        offset += first.length;
        for (AttachmentDownload part : parts) {
            long length = part.length();
            header.putInt((int) offset).putInt((int) length);
            offset += length;
        }
        StreamingOutput stream = out -> {
            try {
                out.write(header.array());
                out.write(first);
                for (AttachmentDownload part : parts) {
                    try (InputStream in = part.open()) {
                        in.transferTo(out);
                    }
                }
            } finally {
                parts.forEach(AttachmentDownload::close);
            }
        };
        return Response.ok(stream, MEDIA_TYPE).build();
    }
}
