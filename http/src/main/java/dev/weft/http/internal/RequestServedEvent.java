package dev.weft.http.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event for each HTTP response, on every path (routed, 404, 405, refused before routing,
 * failed): its duration runs from the moment the request entered the pipeline until the
 * response was handed to the connection. Disabled unless a recording enables it
 * ({@code jfr configure +dev.weft.RequestServed#enabled=true}, or a JFC setting), so an
 * application that records nothing pays one static check per request and no allocation.
 */
@Name("dev.weft.RequestServed")
@Label("Request Served")
@Category({"Weft", "HTTP"})
@Description("An HTTP response sent by a Weft server")
@Enabled(false)
@StackTrace(false)
public final class RequestServedEvent extends Event {

    /** Used only to ask whether the event type is enabled, which is a static question. */
    private static final RequestServedEvent PROBE = new RequestServedEvent();

    /** The request method ({@code UNKNOWN} for a request refused before its method was read). */
    @Label("Method")
    public String method;

    /** The template of the route that matched, or the status reason for unrouted responses. */
    @Label("Route")
    public String route;

    /** The status code. */
    @Label("Status")
    public int status;

    /** An event with no fields set yet; the pipeline sets them before it commits the event. */
    public RequestServedEvent() {
    }

    /**
     * A started event when a recording wants this event type, else null.
     *
     * @return the event, begun, or null
     */
    public static RequestServedEvent beginIfEnabled() {
        if (!PROBE.isEnabled()) {
            return null;
        }
        RequestServedEvent event = new RequestServedEvent();
        event.begin();
        return event;
    }
}
