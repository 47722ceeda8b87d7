package dev.weft.http.internal;

import dev.weft.http.Form;
import dev.weft.http.FormLimits;
import dev.weft.http.HttpException;
import dev.weft.http.QueryParameters;
import dev.weft.http.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads a form body by its content type: {@code application/x-www-form-urlencoded} (the query
 * string syntax, UTF-8) or {@code multipart/form-data} (through {@link MultipartReader}); any other
 * type is answered {@code 415}. The {@link FormLimits} apply to both kinds.
 */
public final class FormReader {

    /** The longest boundary RFC 2046 allows. */
    private static final int MAX_BOUNDARY_CHARS = 70;

    private FormReader() {
    }

    /**
     * Reads the form.
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @param body        the request body
     * @param limits      the limits to apply
     * @return the form
     * @throws HttpException 415 for another content type, 400 for a malformed body, 413 over a limit
     * @throws IOException when reading the body fails
     */
    public static Form read(String contentType, InputStream body, FormLimits limits) throws IOException {
        ParameterizedValue type = ParameterizedValue.parse(contentType == null ? "" : contentType);
        return switch (type.value()) {
            case "application/x-www-form-urlencoded" -> urlEncoded(body, limits);
            case "multipart/form-data" -> new MultipartReader(body, boundary(type), limits).read();
            default -> throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "expected a form (application/x-www-form-urlencoded or multipart/form-data), not "
                            + (contentType == null ? "a body without Content-Type" : type.value()));
        };
    }

    private static String boundary(ParameterizedValue type) {
        String boundary = type.parameter("boundary").orElse("");
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_CHARS) {
            throw new HttpException(Status.BAD_REQUEST_400, "multipart/form-data needs a boundary of 1 to "
                    + MAX_BOUNDARY_CHARS + " characters");
        }
        return boundary;
    }

    private static Form urlEncoded(InputStream body, FormLimits limits) throws IOException {
        int max = (int) Math.min(limits.maxTotalBytes(), Integer.MAX_VALUE - 16);
        byte[] bytes = body.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new HttpException(Status.CONTENT_TOO_LARGE_413, "form is larger than " + max + " bytes");
        }
        Map<String, List<String>> fields = QueryParameters.parse(new String(bytes, StandardCharsets.UTF_8)).asMap();
        int count = 0;
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            count += field.getValue().size();
            if (count > limits.maxParts()) {
                throw new HttpException(Status.CONTENT_TOO_LARGE_413, "form has more than " + limits.maxParts()
                        + " fields");
            }
            for (String value : field.getValue()) {
                if (value.length() > limits.maxFieldBytes()) {
                    throw new HttpException(Status.CONTENT_TOO_LARGE_413, "form field '" + field.getKey()
                            + "' is larger than " + limits.maxFieldBytes() + " bytes");
                }
            }
        }
        return Form.of(fields, List.of());
    }
}
