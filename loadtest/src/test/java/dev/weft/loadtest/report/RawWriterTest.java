package dev.weft.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawWriterTest {

    private static final SkippedRow ROW = new SkippedRow("netty", "http", 64, "said \"no\", twice");

    @Test
    void csvHasOneColumnPerComponentAndQuotesTextWithCommas() {
        assertEquals("engine,scenario,connections,reason\nnetty,http,64,\"said \"\"no\"\", twice\"\n",
                RawWriter.csv(List.of(ROW)));
    }

    @Test
    void jsonNamesTheRowKindAndEscapesStrings() {
        assertEquals("[\n  {\"kind\": \"SkippedRow\", \"engine\": \"netty\", \"scenario\": \"http\", \"connections\": 64,"
                + " \"reason\": \"said \\\"no\\\", twice\"}\n]\n", RawWriter.json(List.of(ROW)));
    }
}
