/**
 * Weft's load tests: the command-line entry point that starts an engine, an idle-connection
 * holder or the whole scenario matrix, each as its own JVM from one jar.
 */
package dev.weft.loadtest;
