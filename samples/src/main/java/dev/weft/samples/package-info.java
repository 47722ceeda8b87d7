/**
 * Runnable sample applications of Weft, in one jar: {@code java -jar weft-samples.jar <sample>
 * [options]}, dispatched by {@link dev.weft.samples.Samples}.
 *
 * <p>Each sample lives in a package of its own with a {@code ...Main} (about ten lines), its own
 * Dagger component and, where it needs one, a module contributing its handler. Samples are
 * applications, not library code: they may print usage text to the console.
 */
package dev.weft.samples;
