package dev.weft.http.internal.h2;

import java.util.List;

/**
 * A frame received from the peer, checked by {@link FrameReader} against the rules that need
 * no connection state (lengths, padding, stream id zero or not, setting values). Payload slices
 * point into the reader's buffer and are valid only until the next frame is read.
 */
sealed interface Frame {

    /** Frame type codes (RFC 9113 section 6). */
    int DATA = 0x0;
    /** {@code HEADERS}. */
    int HEADERS = 0x1;
    /** {@code PRIORITY}. */
    int PRIORITY = 0x2;
    /** {@code RST_STREAM}. */
    int RST_STREAM = 0x3;
    /** {@code SETTINGS}. */
    int SETTINGS = 0x4;
    /** {@code PUSH_PROMISE}. */
    int PUSH_PROMISE = 0x5;
    /** {@code PING}. */
    int PING = 0x6;
    /** {@code GOAWAY}. */
    int GOAWAY = 0x7;
    /** {@code WINDOW_UPDATE}. */
    int WINDOW_UPDATE = 0x8;
    /** {@code CONTINUATION}. */
    int CONTINUATION = 0x9;

    /** Flag {@code END_STREAM} (DATA, HEADERS). */
    int FLAG_END_STREAM = 0x1;
    /** Flag {@code ACK} (SETTINGS, PING). */
    int FLAG_ACK = 0x1;
    /** Flag {@code END_HEADERS} (HEADERS, CONTINUATION). */
    int FLAG_END_HEADERS = 0x4;
    /** Flag {@code PADDED} (DATA, HEADERS). */
    int FLAG_PADDED = 0x8;
    /** Flag {@code PRIORITY} (HEADERS). */
    int FLAG_PRIORITY = 0x20;

    /** The stream the frame belongs to; 0 for the connection. */
    int streamId();

    /**
     * {@code DATA}.
     *
     * @param data           the payload without padding
     * @param flowLength     the whole payload length, padding included, which flow control counts
     */
    record Data(int streamId, Slice data, int flowLength, boolean endStream) implements Frame {
    }

    /**
     * {@code HEADERS}.
     *
     * @param fragment   the header block fragment without padding and priority
     * @param dependency the stream this one depends on when the PRIORITY flag is set, else 0
     */
    record Headers(int streamId, Slice fragment, boolean endStream, boolean endHeaders, int dependency)
            implements Frame {
    }

    /** {@code PRIORITY}: read and ignored but for the self-dependency check. */
    record Priority(int streamId, int dependency) implements Frame {
    }

    /** {@code RST_STREAM}. */
    record RstStream(int streamId, long errorCode) implements Frame {
    }

    /** {@code SETTINGS}: the parameters in order, or none for an acknowledgement. */
    record Settings(boolean ack, List<Setting> settings) implements Frame {
        @Override
        public int streamId() {
            return 0;
        }
    }

    /** {@code PING} with its 8 opaque octets. */
    record Ping(boolean ack, long opaque) implements Frame {
        @Override
        public int streamId() {
            return 0;
        }
    }

    /** {@code GOAWAY}. */
    record GoAway(int lastStreamId, long errorCode) implements Frame {
        @Override
        public int streamId() {
            return 0;
        }
    }

    /** {@code WINDOW_UPDATE}; an increment of 0 is left for the connection to judge. */
    record WindowUpdate(int streamId, int increment) implements Frame {
    }

    /** {@code CONTINUATION}. */
    record Continuation(int streamId, Slice fragment, boolean endHeaders) implements Frame {
    }

    /** A frame of a type this implementation does not know: ignored, unless it splits a header block. */
    record Unknown(int streamId, int type) implements Frame {
    }

    /** One {@code SETTINGS} parameter. */
    record Setting(int id, long value) {
        /** {@code SETTINGS_HEADER_TABLE_SIZE}. */
        static final int HEADER_TABLE_SIZE = 0x1;
        /** {@code SETTINGS_ENABLE_PUSH}. */
        static final int ENABLE_PUSH = 0x2;
        /** {@code SETTINGS_MAX_CONCURRENT_STREAMS}. */
        static final int MAX_CONCURRENT_STREAMS = 0x3;
        /** {@code SETTINGS_INITIAL_WINDOW_SIZE}. */
        static final int INITIAL_WINDOW_SIZE = 0x4;
        /** {@code SETTINGS_MAX_FRAME_SIZE}. */
        static final int MAX_FRAME_SIZE = 0x5;
        /** {@code SETTINGS_MAX_HEADER_LIST_SIZE}. */
        static final int MAX_HEADER_LIST_SIZE = 0x6;
    }

    /** A view of bytes in a buffer owned by someone else. */
    record Slice(byte[] bytes, int offset, int length) {
        /** A copy of the bytes. */
        byte[] copy() {
            return java.util.Arrays.copyOfRange(bytes, offset, offset + length);
        }
    }
}
