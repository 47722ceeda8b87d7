package dev.weft.http.files;

import dev.weft.http.HttpException;
import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.jar.JarEntry;

/**
 * Serves the resources under a directory of the class path — files packed in the application's
 * jar, or in {@code target/classes} while developing — with the same content types, validators
 * ({@code ETag}, {@code Last-Modified}, 304) and byte ranges (206, 416) as {@link StaticFiles}:
 * route it as {@code GET /prefix/*}, and the rest of the path names the resource under the root.
 * A name ending in {@code /} (or naming a directory) is served by its {@code index.html}.
 *
 * <pre>{@code
 * Route.get("/*", ClassPathFiles.of("public"))   // src/main/resources/public/index.html at /
 * }</pre>
 *
 * <p><b>No way out of the root.</b> The name is percent-decoded once, and a name with NUL, a
 * backslash or a colon, or with a {@code .} or {@code ..} segment, is refused before the class
 * loader is asked — every refusal, like a missing resource, a plain 404. The root must name a
 * directory: serving the whole class path would publish the application's configuration.
 * <b>Class files are not served</b> (a name ending in {@code .class}, in any case, is 404) unless
 * {@link #withClassFiles()} asks for it: compiled code next to web assets is common, and rarely
 * meant to be downloaded.
 *
 * <p><b>Bodies.</b> A resource in a directory is sent like a static file, by zero-copy transfer;
 * one in a jar is read from the jar (held whole in memory up to {@value #IN_MEMORY_BYTES} bytes
 * and sent with its length, streamed in chunks above). A jar entry's tag is its CRC-32 and size, so
 * a rebuilt jar with the same content keeps its tags.
 *
 * <p><b>Modules.</b> In a modular application the class loader finds resources of named modules
 * only outside their packages: keep the files in a directory whose name is not a Java package
 * ({@code public/}, {@code static/} — both keywords — or {@code web-root/}), or open the package.
 */
public final class ClassPathFiles implements HttpHandler {

    /** Resources of a jar up to this size are read into memory and sent with their length. */
    public static final int IN_MEMORY_BYTES = 1 << 20;

    private final ClassLoader loader;
    private final String root;
    private final boolean classFiles;

    private ClassPathFiles(ClassLoader loader, String root, boolean classFiles) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.root = root;
        this.classFiles = classFiles;
    }

    /**
     * Serves the resources under {@code root} found by the current thread's context class loader
     * (the application's, in a {@code main} method).
     *
     * @param root a directory of the class path, e.g. {@code "public"}
     * @return the handler
     * @throws IllegalArgumentException when the root is empty or has a {@code .} or {@code ..}
     *     segment
     */
    public static ClassPathFiles of(String root) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return of(context != null ? context : ClassPathFiles.class.getClassLoader(), root);
    }

    /**
     * Serves the resources under {@code root} found by {@code loader}.
     *
     * @param loader the class loader, e.g. {@code MyApp.class.getClassLoader()}
     * @param root   a directory of the class path, e.g. {@code "public"}
     * @return the handler
     * @throws IllegalArgumentException when the root is empty or has a {@code .} or {@code ..}
     *     segment
     */
    public static ClassPathFiles of(ClassLoader loader, String root) {
        String trimmed = Objects.requireNonNull(root, "root").replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("serving the whole class path would publish the application's "
                    + "configuration; name a directory, such as \"public\"");
        }
        if (unsafe(trimmed)) {
            throw new IllegalArgumentException("root must be a plain directory name: " + root);
        }
        return new ClassPathFiles(loader, trimmed + "/", false);
    }

    /**
     * A copy that also serves {@code .class} files.
     *
     * @return the copy
     */
    public ClassPathFiles withClassFiles() {
        return new ClassPathFiles(loader, root, true);
    }

    @Override
    public Response handle(Request request) throws IOException {
        String relative = Representation.requestedName(request).replaceAll("^/+", "");
        if (unsafe(relative)) {
            throw notFound();
        }
        String name = relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
        Response response = serve(request, name);
        if (response == null && !name.endsWith("index.html")) {
            response = serve(request, name + "/index.html");
        }
        if (response == null) {
            throw notFound();
        }
        return response;
    }

    /** The response for resource {@code name} under the root, or null when it is not a servable file. */
    private Response serve(Request request, String name) throws IOException {
        if (!classFiles && name.toLowerCase(Locale.ROOT).endsWith(".class")) {
            return null;
        }
        URL url = loader.getResource(root + name);
        if (url == null) {
            return null;
        }
        String type = ContentTypes.of(name.substring(name.lastIndexOf('/') + 1));
        if (url.getProtocol().equals("file")) {
            return fromDirectory(request, url, type);
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            return fromJar(request, jar, type);
        }
        return fromConnection(request, connection, type);
    }

    private static Response fromDirectory(Request request, URL url, String type) throws IOException {
        Path file;
        try {
            file = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            return null;
        }
        Instant modified = attributes.lastModifiedTime().toInstant();
        String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
        return new Representation(attributes.size(), modified, etag, type)
                .serve(request, (position, length) -> new Response.FileRegion(file, position, length));
    }

    private static Response fromJar(Request request, JarURLConnection jar, String type) throws IOException {
        JarEntry entry = jar.getJarEntry();
        if (entry == null || entry.isDirectory() || entry.getSize() < 0) {
            return null;
        }
        long size = entry.getSize();
        Instant modified = Instant.ofEpochMilli(Math.max(entry.getTime(), 0));
        String etag = "\"" + Long.toHexString(entry.getCrc()) + "-" + Long.toHexString(size) + "\"";
        return new Representation(size, modified, etag, type).serve(request, (position, length) -> body(jar, position,
                length));
    }

    /** Another kind of class-path URL ({@code jrt:}, a custom loader's): served by its own length and date. */
    private static Response fromConnection(Request request, URLConnection connection, String type) throws IOException {
        long size = connection.getContentLengthLong();
        if (size < 0) {
            return null;
        }
        Instant modified = Instant.ofEpochMilli(Math.max(connection.getLastModified(), 0));
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
        return new Representation(size, modified, etag, type)
                .serve(request, (position, length) -> body(connection, position, length));
    }

    /** Bytes {@code [position, position + length)} of the resource: in memory when small, streamed when not. */
    private static Response.Body body(URLConnection connection, long position, long length) throws IOException {
        if (length <= IN_MEMORY_BYTES) {
            try (InputStream in = connection.getURL().openStream()) {
                in.skipNBytes(position);
                return new Response.Bytes(in.readNBytes((int) length));
            }
        }
        URL url = connection.getURL();
        return new Response.Stream(out -> {
            try (InputStream in = url.openStream()) {
                in.skipNBytes(position);
                byte[] buffer = new byte[16 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException(url + " ended " + left + " bytes early");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        });
    }

    /** Whether {@code name} could leave the root: NUL, backslash, colon, or a . or .. segment. */
    private static boolean unsafe(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0' || c == '\\' || c == ':') {
                return true;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static HttpException notFound() {
        return new HttpException(Status.NOT_FOUND_404);
    }

    @Override
    public String toString() {
        return "ClassPathFiles[" + root + (classFiles ? ", with class files" : "") + "]";
    }
}
