package dev.weft.http.websocket;

/** The two kinds of WebSocket data message. */
public enum MessageType {
    /** A text message: UTF-8, validated on the way in and on the way out. */
    TEXT,
    /** A binary message: any bytes. */
    BINARY
}
