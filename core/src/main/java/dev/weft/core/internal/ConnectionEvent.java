package dev.weft.core.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

/**
 * What Weft's JFR connection events say about a connection: its server, its peer and its id. Off
 * unless a recording enables them by name.
 */
@Category({"Weft", "Connections"})
@Enabled(false)
@StackTrace(false)
abstract class ConnectionEvent extends Event {

    @Label("Server")
    @Description("The server's name")
    String server;

    @Label("Remote Address")
    String remoteAddress;

    @Label("Connection Id")
    @Description("The connection's id in the server's registry")
    long id;

    /** Fills the fields from {@code connection}. */
    final void describe(SocketConnection connection, String serverName) {
        server = serverName;
        remoteAddress = String.valueOf(connection.remoteAddress());
        id = connection.id();
    }
}
