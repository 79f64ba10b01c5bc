package org.syncbridge.persistence.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A user's out-of-office settings: state, optional time window, and a reply per audience. */
@Entity
@Table(name = "sb_oof")
public class OutOfOffice {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OofState state = OofState.DISABLED;

    @Column(name = "start_time")
    private Instant startTime;

    @Column(name = "end_time")
    private Instant endTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sb_oof_message", joinColumns = @JoinColumn(name = "user_id"))
    private List<OofMessage> messages = new ArrayList<>();

    protected OutOfOffice() {
    }

    public OutOfOffice(long userId) {
        this.userId = userId;
    }

    public Long getUserId() { return userId; }
    public OofState getState() { return state; }
    public void setState(OofState state) { this.state = state; }
    public Instant getStartTime() { return startTime; }
    public void setStartTime(Instant startTime) { this.startTime = startTime; }
    public Instant getEndTime() { return endTime; }
    public void setEndTime(Instant endTime) { this.endTime = endTime; }
    public List<OofMessage> getMessages() { return messages; }
}
