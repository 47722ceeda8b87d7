package dev.weft.loadtest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds external programs ({@code wrk}, {@code h2load}, {@code perf}) in the directories of {@code PATH}. */
public final class SearchPath {

    private SearchPath() {
    }

    /** {@code name} in the first directory of {@code PATH} that has it executable. */
    public static Optional<Path> find(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
