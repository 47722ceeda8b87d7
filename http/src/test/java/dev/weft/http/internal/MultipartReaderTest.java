package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Form;
import dev.weft.http.FormFile;
import dev.weft.http.FormLimits;
import dev.weft.http.HttpException;
import dev.weft.http.Multipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multipart reader from bytes, in memory: every edge case a string, each read whole and byte by byte. */
class MultipartReaderTest {

    @TempDir
    Path temp;

    private FormLimits limits() {
        return FormLimits.DEFAULTS.withTemporaryDirectory(temp).withMemoryThresholdBytes(64);
    }

    /** An input stream that gives at most {@code step} bytes per read. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private Form read(byte[] body, int step, FormLimits limits) throws IOException {
        return FormReader.read(Multipart.CONTENT_TYPE, trickle(body, step), limits);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.toList();
        }
    }

    @Test
    void fieldsAndFilesAreReadWhateverHowTheBytesArrive() throws IOException {
        byte[] big = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new Multipart().field("title", "Milk \u00e9").field("tag", "a").field("tag", "b")
                .file("note", "note.txt", "text/plain", "small".getBytes(StandardCharsets.US_ASCII))
                .file("photo", "C:\\Users\\ada\\photo.raw", "application/octet-stream", big).bytes();
        for (int step : new int[] {1, 2, 7, 64, 100_000}) {
            Form form = read(body, step, limits());
            assertEquals("Milk \u00e9", form.field("title").orElseThrow(), "step " + step);
            assertEquals(List.of("a", "b"), form.fields("tag"));
            FormFile note = form.file("note").orElseThrow();
            assertEquals("note.txt", note.fileName());
            assertTrue(note.temporaryPath().isEmpty(), "5 bytes stay in memory");
            FormFile photo = form.file("photo").orElseThrow();
            assertEquals("photo.raw", photo.fileName(), "only the last segment of a client's path");
            assertEquals(1000, photo.size());
            assertTrue(photo.temporaryPath().isPresent(), "1000 bytes go to disk above a 64-byte threshold");
            assertArrayEquals(big, photo.bytes());
        }
    }

    @Test
    void aPreambleAndAnEpilogueAreIgnoredAndContentMayContainBoundaryLikeBytes() throws IOException {
        String tricky = "--" + Multipart.BOUNDARY.substring(0, 10) + "\r\n--not-the-boundary";
        byte[] body = ("preamble to ignore\r\n" + new String(new Multipart().field("x", tricky).bytes(),
                StandardCharsets.ISO_8859_1) + "epilogue").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(tricky, read(body, 3, limits()).field("x").orElseThrow());
    }

    @Test
    void eachLimitIsRefusedWith413GivingTheNumbers() {
        byte[] body = new Multipart().field("a", "1").field("b", "2").field("c", "3").bytes();
        HttpException parts = assertThrows(HttpException.class, () -> read(body, 64, limits().withMaxParts(2)));
        assertEquals(413, parts.status().code());
        assertEquals("form has more than 2 parts", parts.getMessage());
        HttpException field = assertThrows(HttpException.class, () -> read(new Multipart().field("long",
                "x".repeat(11)).bytes(), 64, limits().withMaxFieldBytes(10)));
        assertEquals("form field 'long' is larger than 10 bytes", field.getMessage());
        HttpException total = assertThrows(HttpException.class, () -> read(body, 64, limits().withMaxTotalBytes(2)));
        assertEquals("form is larger than 2 bytes", total.getMessage());
    }

    @Test
    void aFileOverItsLimitIsRefusedAndWhatWasWrittenToDiskIsDeleted() throws IOException {
        byte[] body = new Multipart().file("one", "one.bin", "application/octet-stream", new byte[500])
                .file("two", "two.bin", "application/octet-stream", new byte[2000]).bytes();
        HttpException e = assertThrows(HttpException.class, () -> read(body, 100, limits().withMaxFileBytes(1000)));
        assertEquals(413, e.status().code());
        assertEquals("file 'two' is larger than 1000 bytes", e.getMessage());
        assertEquals(List.of(), temporaryFiles(), "the first file, already on disk, was deleted too");
    }

    @Test
    void malformedBodiesAreRefusedWith400() {
        assertEquals("multipart body ends inside field 'x'", refused(
                "--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end"));
        assertEquals("multipart body has no boundary line", refused("just text"));
        assertEquals("multipart part without Content-Disposition: form-data; name=...", refused(
                "--" + Multipart.BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + Multipart.BOUNDARY + "--"));
        assertEquals("malformed multipart boundary line", refused("--" + Multipart.BOUNDARY + "junk\r\n"));
        HttpException headers = assertThrows(HttpException.class, () -> read(("--" + Multipart.BOUNDARY
                + "\r\nX: " + "y".repeat(9000)).getBytes(StandardCharsets.US_ASCII), 512, limits()));
        assertEquals(413, headers.status().code());
    }

    private String refused(String body) {
        HttpException e = assertThrows(HttpException.class,
                () -> read(body.getBytes(StandardCharsets.ISO_8859_1), 5, limits()));
        assertEquals(400, e.status().code(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void otherContentTypesAre415AndABoundaryIsRequired() {
        HttpException type = assertThrows(HttpException.class,
                () -> FormReader.read("application/json", InputStream.nullInputStream(), limits()));
        assertEquals(415, type.status().code());
        HttpException boundary = assertThrows(HttpException.class,
                () -> FormReader.read("multipart/form-data", InputStream.nullInputStream(), limits()));
        assertEquals(400, boundary.status().code());
    }

    @Test
    void aUrlEncodedFormIsDecodedAsUtf8WithItsLimits() throws IOException {
        Form form = FormReader.read("application/x-www-form-urlencoded; charset=UTF-8",
                new ByteArrayInputStream("title=Milk+%C3%A9&tag=a&tag=b".getBytes(StandardCharsets.US_ASCII)), limits());
        assertEquals("Milk \u00e9", form.field("title").orElseThrow());
        assertEquals(List.of("a", "b"), form.fields("tag"));
        HttpException many = assertThrows(HttpException.class, () -> FormReader.read("application/x-www-form-urlencoded",
                new ByteArrayInputStream("a=1&b=2&c=3".getBytes(StandardCharsets.US_ASCII)), limits().withMaxParts(2)));
        assertEquals(413, many.status().code());
    }
}
