package org.village.chat.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One STOMP {@code SEND} frame on the server (issue 11, decision 054): the gate's checks on the thread that read the
 * frame, the wait for the inbound channel's executor, and the handling ({@code ChatService.send} and the reply). A JDK
 * Flight Recorder event: nothing is timed unless a recording asks for it.
 */
@Name("village.ChatFrame")
@Label("Chat SEND frame")
@Category({"Village", "Chat"})
@Description("A SEND frame: the gate (token re-check) on the reading thread, the inbound executor's queue, the handling")
@StackTrace(false)
public final class ChatFrameEvent extends Event {

    @Label("Gate")
    @Description("StompGate.preSend on the thread that read the frame (the token's re-check is a database read)")
    @Timespan
    public long gate;

    @Label("Queued")
    @Description("From the gate's end to the handler's start: the inbound channel's executor")
    @Timespan
    public long queued;

    @Label("Handling")
    @Description("The @MessageMapping: reading the JSON, ChatService.send, the reply if any")
    @Timespan
    public long handling;
}
