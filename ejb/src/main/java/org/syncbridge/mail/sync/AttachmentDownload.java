package org.syncbridge.mail.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An attachment's decoded bytes (or the requested range of them), spooled to a temporary file so that its exact
 * length is known before it is written (WBXML and multipart answers state lengths first) without holding it in
 * memory. Closing deletes the file.
 *
 * @param total the attachment's whole decoded length
 * @param from  the first byte the content starts at (0 without a Range)
 */
public record AttachmentDownload(String contentType, String displayName, long total, long from, Path spool) implements AutoCloseable {

    public long length() {
        try {
            return Files.size(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(spool);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // a temp file left behind is removed with the server's temp directory
        }
    }
}
