package dev.weft.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Receivers deliver each publisher's messages once, in order, and count what went missing. */
class SequenceTrackerTest {

    private final SequenceTracker tracker = new SequenceTracker();

    private static Stamp stamp(String publisher, long run, long seq) {
        return new Stamp(publisher, run, seq, 0);
    }

    @Test
    void inOrderMessagesPassAndRepeatsAreDuplicates() {
        assertEquals(0, tracker.check("r", stamp("a", 1, 5)), "the first message seen is the baseline");
        assertEquals(0, tracker.check("r", stamp("a", 1, 6)));
        assertEquals(SequenceTracker.DUPLICATE, tracker.check("r", stamp("a", 1, 6)));
        assertEquals(SequenceTracker.DUPLICATE, tracker.check("r", stamp("a", 1, 2)));
    }

    @Test
    void aGapCountsTheMissingMessages() {
        tracker.check("r", stamp("a", 1, 1));
        assertEquals(3, tracker.check("r", stamp("a", 1, 5)));
    }

    @Test
    void aNewRunStartsAfreshAndAnOldRunIsStale() {
        tracker.check("r", stamp("a", 2, 40));
        assertEquals(0, tracker.check("r", stamp("a", 3, 1)), "a publisher that forgot the room starts a higher run");
        assertEquals(SequenceTracker.DUPLICATE, tracker.check("r", stamp("a", 2, 41)));
    }

    @Test
    void publishersAndRoomsAreCountedApart() {
        tracker.check("r", stamp("a", 1, 1));
        assertEquals(0, tracker.check("r", stamp("b", 1, 7)));
        assertEquals(0, tracker.check("s", stamp("a", 1, 9)));
        assertEquals(0, tracker.check("r", stamp("a", 1, 2)));
    }

    @Test
    void aForgottenRoomOrPublisherStartsFromTheNextMessage() {
        tracker.check("r", stamp("a", 1, 1));
        tracker.forgetRoom("r");
        assertEquals(0, tracker.check("r", stamp("a", 1, 9)), "no gap counted across an unsubscription");
        tracker.forgetPublisher("r", "a");
        assertEquals(0, tracker.check("r", stamp("a", 1, 1)));
    }

    @Test
    void aPublishersSequencesGrowPerRoomAndANewRoomStartsAHigherRun() {
        PublisherSequences sequences = new PublisherSequences();
        assertEquals(stamp("me", 1, 1), sequences.next("me", "r", 0));
        assertEquals(stamp("me", 1, 2), sequences.next("me", "r", 0));
        assertEquals(stamp("me", 2, 1), sequences.next("me", "s", 0));
        assertEquals(stamp("me", 1, 3), sequences.next("me", "r", 0));
    }
}
