package dev.weft.loadtest.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** perf's CSV is read by kind; and where perf can count, only the enabled window is counted. */
class SyscallCounterTest {

    private static final String CSV = """
            # started on Mon Nov 30 07:52:39 2026

            491090,,syscalls:sys_enter_write,296782978,100.00,,
            <not counted>,,syscalls:sys_enter_read,0,100.00,,
            12,,syscalls:sys_enter_futex,296760376,100.00,,
            491200,,raw_syscalls:sys_enter,296782978,100.00,,
            """;

    @Test
    void countsAreReadByKindWithNotCountedAsZero() {
        SyscallCounts counts = SyscallCounter.parse(CSV, List.of("write", "read", "futex"));
        SyscallCounts.Counted counted = assertInstanceOf(SyscallCounts.Counted.class, counts);
        assertEquals(491_090, counted.of("write"));
        assertEquals(0, counted.of("read"));
        assertEquals(12, counted.of("futex"));
        assertEquals(491_200, counted.total());
        assertEquals(491_200 - 491_090 - 12, counted.otherThan(List.of("write", "read", "futex")));
    }

    @Test
    void aMissingCounterOrUnsupportedEventMakesTheWindowUnavailable() {
        assertInstanceOf(SyscallCounts.Unavailable.class, SyscallCounter.parse(CSV, List.of("write", "epoll_ctl")));
        assertInstanceOf(SyscallCounts.Unavailable.class, SyscallCounter.parse(
                "<not supported>,,syscalls:sys_enter_write,0,100.00,,\n1,,raw_syscalls:sys_enter,1,100.00,,\n",
                List.of("write")));
    }

    @Test
    void countsTheWritesOfAProcessOnlyWhileEnabled() throws Exception {
        SyscallCounter.Probe probe = SyscallCounter.probe();
        assumeTrue(probe instanceof SyscallCounter.Probe.Available, probe.describe());
        SyscallCounter.Attachment attachment = SyscallCounter.attach(probe, ProcessHandle.current().pid(), 20_000);
        SyscallCounter counter = assertInstanceOf(SyscallCounter.Attachment.Attached.class, attachment).counter();
        try (FileOutputStream sink = new FileOutputStream("/dev/null")) {
            writes(sink, 500); // before the window: not counted
            counter.enable();
            writes(sink, 2_000);
            counter.disable();
            writes(sink, 500); // after it: not counted
        } finally {
            SyscallCounts counts = counter.finish();
            SyscallCounts.Counted counted = assertInstanceOf(SyscallCounts.Counted.class, counts, counts.toString());
            assertTrue(counted.of("write") >= 2_000 && counted.of("write") < 2_400, counts.toString());
            assertTrue(counted.total() >= counted.of("write"), counts.toString());
        }
    }

    private static void writes(FileOutputStream sink, int count) throws IOException {
        byte[] one = {1};
        for (int i = 0; i < count; i++) {
            sink.write(one);
        }
    }
}
