package org.syncbridge.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The reply for one audience. */
@Embeddable
public class OofMessage {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OofAudience audience;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 8000)
    private String reply;

    /** "TEXT" or "HTML". */
    @Column(name = "body_type", nullable = false, length = 8)
    private String bodyType;

    protected OofMessage() {
    }

    public OofMessage(OofAudience audience, boolean enabled, String reply, String bodyType) {
        this.audience = audience;
        this.enabled = enabled;
        this.reply = reply;
        this.bodyType = bodyType;
    }

    public OofAudience getAudience() { return audience; }
    public boolean isEnabled() { return enabled; }
    public String getReply() { return reply; }
    public String getBodyType() { return bodyType; }
}
