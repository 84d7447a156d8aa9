package org.village.chat.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Where one chat send spent its time on the server (issue 11, decision 054): a JDK Flight Recorder event, so it costs
 * nothing unless a recording asks for it ({@code jcmd <pid> JFR.start}); the send path checks {@link #isEnabled()}
 * before reading any clock. Durations in nanoseconds; {@code 0} where the step did not run.
 */
@Name("village.ChatSend")
@Label("Chat send")
@Category({"Village", "Chat"})
@Description("One ChatService.send: the reads and filters before the room's lock, the wait for this node's room lock,"
        + " the pool, the room row lock, the statements and the commit")
@StackTrace(false)
public final class ChatSendEvent extends Event {

    @Label("Room")
    public long room;

    @Label("Before the lock")
    @Description("Client-id read, nesting check and filters, on one pooled connection (its wait included)")
    @Timespan
    public long before;

    @Label("Room lock wait")
    @Description("Waiting for this node's lock of the room (another send of the room, or one sharing its stripe)")
    @Timespan
    public long lockWait;

    @Label("Connection wait")
    @Description("From asking for the store transaction to its first statement: the pool's wait and the set-up")
    @Timespan
    public long connection;

    @Label("Row lock")
    @Description("The room row's SELECT ... FOR UPDATE (waiting for another node's send of the room)")
    @Timespan
    public long rowLock;

    @Label("Statements")
    @Description("What runs under the row lock after it was granted, up to the end of the transaction's work")
    @Timespan
    public long statements;

    @Label("Commit")
    @Description("From the end of the transaction's work to the commit's return (connection handed back)")
    @Timespan
    public long commit;

    @Label("Publish")
    @Description("Handing the stored message to the fan-out (after the commit, under the room lock)")
    @Timespan
    public long publish;

    @Label("Attempts")
    public int attempts;
}
