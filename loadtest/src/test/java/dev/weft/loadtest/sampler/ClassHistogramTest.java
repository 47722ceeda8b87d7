package dev.weft.loadtest.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    private static final String BEFORE = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000         100000  [B (java.base@25)
               2:            10            640  jdk.internal.vm.StackChunk (java.base@25)
               3:             5            200  java.lang.String (java.base@25)
            Total          1015         100840
            """;

    private static final String AFTER = """
               1:          3000         160000  [B (java.base@25)
               2:          1010        3100640  jdk.internal.vm.StackChunk (java.base@25)
               3:             5            200  java.lang.String (java.base@25)
               4:          1000         112000  dev.weft.core.internal.SocketConnection
            """;

    @Test
    void growthPerConnectionIsListedLargestFirstWithShortNames() {
        String growth = ClassHistogram.parse(AFTER).largestGrowth(ClassHistogram.parse(BEFORE), 1_000, 3);
        assertEquals("StackChunk 3,100 B; SocketConnection 112 B; byte[] 60 B", growth);
    }

    @Test
    void arrayClassesGetReadableNames() {
        assertEquals("ByteBuffer[]", ClassHistogram.shortName("[Ljava.nio.ByteBuffer;"));
        assertEquals("byte[]", ClassHistogram.shortName("[B"));
    }

    @Test
    void classesThatDidNotGrowAreLeftOut() {
        String growth = ClassHistogram.parse(AFTER).largestGrowth(ClassHistogram.parse(BEFORE), 1_000, 10);
        assertEquals(3, growth.split("; ").length, growth);
    }
}
