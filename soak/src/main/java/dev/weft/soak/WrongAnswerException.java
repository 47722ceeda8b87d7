package dev.weft.soak;

/** The server answered, but not what the request called for. */
final class WrongAnswerException extends Exception {

    WrongAnswerException(String what, Object expected, Object actual) {
        super(what + ": expected <" + expected + "> but got <" + actual + ">");
    }

    /** Throws unless {@code actual} equals {@code expected}. */
    static void check(String what, Object expected, Object actual) throws WrongAnswerException {
        if (!expected.equals(actual)) {
            throw new WrongAnswerException(what, expected, actual);
        }
    }
}
