package dev.weft.core.internal;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event {@code dev.weft.ConnectionOpened}: a server accepted a connection and its thread
 * started. Off unless a recording enables it ({@code +dev.weft.ConnectionOpened#enabled=true}).
 */
@Name("dev.weft.ConnectionOpened")
@Label("Connection Opened")
@Description("A server accepted a connection and started its thread.")
final class ConnectionOpenedEvent extends ConnectionEvent {
}
