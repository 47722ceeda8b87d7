package dev.weft.http;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fields and files of a form body, as {@link Request#form()} reads them from
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}. Field values are
 * decoded text (UTF-8); a name may occur several times.
 */
public final class Form {

    private static final Logger log = LoggerFactory.getLogger(Form.class);

    /** No fields, no files. */
    public static final Form EMPTY = new Form(Map.of(), List.of());

    private final Map<String, List<String>> fields;
    private final List<FormFile> files;

    private Form(Map<String, List<String>> fields, List<FormFile> files) {
        this.fields = fields;
        this.files = files;
    }

    /**
     * A form of these fields and files.
     *
     * @param fields the fields by name, each with its values in order
     * @param files  the files, in order
     * @return the form
     */
    public static Form of(Map<String, List<String>> fields, List<FormFile> files) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "name"), List.copyOf(values)));
        return new Form(Collections.unmodifiableMap(copy), List.copyOf(files));
    }

    /**
     * The first value of field {@code name}.
     *
     * @param name the field's name
     * @return its first value, if the field is present
     */
    public Optional<String> field(String name) {
        List<String> values = fields.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Every value of field {@code name}.
     *
     * @param name the field's name
     * @return its values in order; empty when absent
     */
    public List<String> fields(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /**
     * Every field (files excluded), in order of first appearance.
     *
     * @return the fields by name
     */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /**
     * The first file sent as field {@code name}.
     *
     * @param name the field's name
     * @return the file, if there is one
     */
    public Optional<FormFile> file(String name) {
        return files.stream().filter(file -> file.field().equals(name)).findFirst();
    }

    /**
     * Every file, in the order sent.
     *
     * @return the files
     */
    public List<FormFile> files() {
        return files;
    }

    /** Deletes the temporary files of uploads not moved away; logs what cannot be deleted. */
    void deleteTemporaryFiles() {
        for (FormFile file : files) {
            try {
                file.deleteTemporaryFile();
            } catch (IOException e) {
                log.warn("cannot delete the temporary file of {}", file, e);
            }
        }
    }

    @Override
    public String toString() {
        return "Form[fields " + fields.keySet() + ", files " + files + "]";
    }
}
