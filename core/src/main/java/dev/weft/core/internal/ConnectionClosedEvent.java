package dev.weft.core.internal;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event {@code dev.weft.ConnectionClosed}: a connection ended. Begun when the connection's
 * thread starts and committed once the engine has closed it, so its duration is the connection's
 * lifetime. Off unless a recording enables it ({@code +dev.weft.ConnectionClosed#enabled=true});
 * while it is off, a connection holds no event.
 */
@Name("dev.weft.ConnectionClosed")
@Label("Connection Closed")
@Description("A connection ended; the event's duration is the connection's lifetime.")
final class ConnectionClosedEvent extends ConnectionEvent {
}
