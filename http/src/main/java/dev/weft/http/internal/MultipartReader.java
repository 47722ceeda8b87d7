package dev.weft.http.internal;

import dev.weft.http.Form;
import dev.weft.http.FormFile;
import dev.weft.http.FormLimits;
import dev.weft.http.HttpException;
import dev.weft.http.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) from a stream in one pass, holding at most
 * one buffer of it: fields into memory up to {@link FormLimits#maxFieldBytes()}, files into memory
 * up to {@link FormLimits#memoryThresholdBytes()} and beyond that into a temporary file.
 *
 * <p>Every limit is checked as the bytes arrive, before more are read: too many parts, a field,
 * a file or the whole form too large → 413; part headers over {@value #MAX_PART_HEADER_BYTES}
 * bytes → 413; a missing or malformed boundary line, part without {@code Content-Disposition:
 * form-data; name=…}, or a body that ends before its closing boundary → 400. On any failure the
 * temporary files written so far are deleted before the exception leaves. The preamble before the
 * first boundary and the epilogue after the last are ignored, as RFC 2046 asks.
 */
final class MultipartReader {

    private static final Logger log = LoggerFactory.getLogger(MultipartReader.class);

    /** The largest header section of one part. */
    static final int MAX_PART_HEADER_BYTES = 8 * 1024;
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final String DEFAULT_FILE_TYPE = "application/octet-stream";

    private final InputStream in;
    private final byte[] delimiter;
    private final FormLimits limits;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int end;
    private long total;
    private final List<Path> temporaryFiles = new ArrayList<>(2);
    private OutputStream openFile;

    /**
     * @param boundary the boundary parameter of the content type, 1 to 70 characters
     */
    MultipartReader(InputStream in, String boundary, FormLimits limits) {
        this.in = in;
        this.limits = limits;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The body is read as if it began with CRLF, so the first delimiter is found like the others.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** Where a part's content goes. */
    private interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** Reads the whole form; on failure deletes what was written to disk, then throws. */
    Form read() throws IOException {
        try {
            return readParts();
        } catch (IOException | RuntimeException e) {
            deleteTemporaryFiles();
            throw e;
        }
    }

    private Form readParts() throws IOException {
        readContent((bytes, offset, length) -> { }, false, "multipart body has no boundary line");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<FormFile> files = new ArrayList<>();
        int parts = 0;
        while (!closingDelimiter()) {
            if (++parts > limits.maxParts()) {
                throw tooLarge("form has more than " + limits.maxParts() + " parts");
            }
            PartHeaders headers = readPartHeaders();
            if (headers.fileName() == null) {
                ByteArrayOutputStream value = new ByteArrayOutputStream(64);
                readContent((bytes, offset, length) -> {
                    if (value.size() + length > limits.maxFieldBytes()) {
                        throw tooLarge("form field '" + headers.name() + "' is larger than "
                                + limits.maxFieldBytes() + " bytes");
                    }
                    value.write(bytes, offset, length);
                }, true, "multipart body ends inside field '" + headers.name() + "'");
                fields.computeIfAbsent(headers.name(), name -> new ArrayList<>(1))
                        .add(value.toString(StandardCharsets.UTF_8));
            } else {
                files.add(readFile(headers));
            }
        }
        return Form.of(fields, files);
    }

    /** Reads what follows a delimiter: {@code --} ends the body, else the rest of the boundary line. */
    private boolean closingDelimiter() throws IOException {
        require(2, "multipart body ends after a boundary");
        if (buffer[start] == '-' && buffer[start + 1] == '-') {
            return true;
        }
        while (true) {
            require(2, "multipart body ends after a boundary");
            byte b = buffer[start];
            if (b == ' ' || b == '\t') {
                start++;
            } else if (b == '\r' && buffer[start + 1] == '\n') {
                start += 2;
                return false;
            } else {
                throw malformed("malformed multipart boundary line");
            }
        }
    }

    private FormFile readFile(PartHeaders headers) throws IOException {
        ByteArrayOutputStream[] memory = {new ByteArrayOutputStream(256)};
        Path[] path = {null};
        long[] size = {0};
        readContent((bytes, offset, length) -> {
            size[0] += length;
            if (size[0] > limits.maxFileBytes()) {
                throw tooLarge("file '" + headers.name() + "' is larger than " + limits.maxFileBytes() + " bytes");
            }
            if (openFile == null && size[0] > limits.memoryThresholdBytes()) {
                path[0] = createTemporaryFile();
                openFile = Files.newOutputStream(path[0]);
                memory[0].writeTo(openFile);
                memory[0] = null;
            }
            if (openFile != null) {
                openFile.write(bytes, offset, length);
            } else {
                memory[0].write(bytes, offset, length);
            }
        }, true, "multipart body ends inside file '" + headers.name() + "'");
        String type = headers.contentType() == null ? DEFAULT_FILE_TYPE : headers.contentType();
        if (openFile == null) {
            return FormFile.inMemory(headers.name(), headers.fileName(), type, memory[0].toByteArray());
        }
        openFile.close();
        openFile = null;
        return FormFile.onDisk(headers.name(), headers.fileName(), type, path[0], size[0]);
    }

    private Path createTemporaryFile() throws IOException {
        Path file = limits.temporaryDirectory().isPresent()
                ? Files.createTempFile(limits.temporaryDirectory().get(), "weft-upload-", ".part")
                : Files.createTempFile("weft-upload-", ".part");
        temporaryFiles.add(file);
        return file;
    }

    /**
     * Sends the content up to the next delimiter to {@code sink}, and consumes the delimiter.
     *
     * @param counted whether the content counts towards {@link FormLimits#maxTotalBytes()} (the
     *                preamble does not)
     */
    private void readContent(Sink sink, boolean counted, String endedEarly) throws IOException {
        while (true) {
            int at = indexOfDelimiter();
            int content = (at >= 0 ? at : Math.max(start, end - delimiter.length + 1)) - start;
            if (content > 0) {
                if (counted) {
                    total += content;
                    if (total > limits.maxTotalBytes()) {
                        throw tooLarge("form is larger than " + limits.maxTotalBytes() + " bytes");
                    }
                }
                sink.write(buffer, start, content);
                start += content;
            }
            if (at >= 0) {
                start += delimiter.length;
                return;
            }
            if (!fill()) {
                throw malformed(endedEarly);
            }
        }
    }

    private PartHeaders readPartHeaders() throws IOException {
        int headerBytes = 0;
        String name = null;
        String fileName = null;
        String contentType = null;
        boolean formData = false;
        while (true) {
            int lineEnd = indexOfCrlf();
            if (lineEnd < 0) {
                if (headerBytes + (end - start) > MAX_PART_HEADER_BYTES) {
                    throw tooLarge("multipart part headers exceed " + MAX_PART_HEADER_BYTES + " bytes");
                }
                if (!fill()) {
                    throw malformed("multipart body ends inside part headers");
                }
                continue;
            }
            String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
            headerBytes += lineEnd + 2 - start;
            start = lineEnd + 2;
            if (headerBytes > MAX_PART_HEADER_BYTES) {
                throw tooLarge("multipart part headers exceed " + MAX_PART_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("malformed multipart part header");
            }
            String field = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (field.equalsIgnoreCase("Content-Disposition")) {
                ParameterizedValue disposition = ParameterizedValue.parseFormDisposition(value);
                formData = disposition.value().equals("form-data");
                name = disposition.parameter("name").orElse(null);
                fileName = disposition.parameter("filename*").map(MultipartReader::extendedValue)
                        .or(() -> disposition.parameter("filename")).map(MultipartReader::baseName).orElse(null);
            } else if (field.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            }
        }
        if (!formData || name == null) {
            throw malformed("multipart part without Content-Disposition: form-data; name=...");
        }
        return new PartHeaders(name, fileName, contentType);
    }

    /** The headers of a part that matter to a form. */
    private record PartHeaders(String name, String fileName, String contentType) {
    }

    /** The value of an RFC 8187 extended parameter ({@code UTF-8''na%C3%AFve.txt}), or null. */
    private static String extendedValue(String value) {
        int quote = value.indexOf("''");
        if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
            return null;
        }
        try {
            return PercentDecoding.decode(value.substring(quote + 2), false);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last segment of a client's file name (some send a whole path), without control characters. */
    private static String baseName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(base.length());
        base.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private int indexOfDelimiter() {
        int last = end - delimiter.length;
        for (int i = start; i <= last; i++) {
            if (buffer[i] == '\r' && matchesDelimiterAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesDelimiterAt(int at) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[at + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    private int indexOfCrlf() {
        for (int i = start; i + 1 < end; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void require(int bytes, String endedEarly) throws IOException {
        while (end - start < bytes) {
            if (!fill()) {
                throw malformed(endedEarly);
            }
        }
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    private void deleteTemporaryFiles() {
        try {
            if (openFile != null) {
                openFile.close();
            }
        } catch (IOException e) {
            log.debug("closing an abandoned upload failed: {}", e.toString());
        }
        for (Path file : temporaryFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("cannot delete the temporary file {} of an abandoned upload", file, e);
            }
        }
    }

    private static HttpException tooLarge(String message) {
        return new HttpException(Status.CONTENT_TOO_LARGE_413, message);
    }

    private static HttpException malformed(String message) {
        return new HttpException(Status.BAD_REQUEST_400, message);
    }
}
