package dev.weft.core.internal.tls;

import dev.weft.core.tls.TlsConfigException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The blocks of a PEM file ({@code -----BEGIN LABEL-----}, base64, {@code -----END LABEL-----}),
 * decoded; text outside blocks is ignored, as OpenSSL ignores it.
 *
 * @param source the file's name, for messages
 * @param blocks the blocks in file order
 */
record PemFile(String source, List<PemFile.Block> blocks) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /**
     * One block.
     *
     * @param label     what is between {@code BEGIN} and the dashes, for example {@code PRIVATE KEY}
     * @param der       the decoded contents
     * @param encrypted whether the block had OpenSSL's {@code Proc-Type: 4,ENCRYPTED} header
     */
    record Block(String label, byte[] der, boolean encrypted) {
    }

    /**
     * Parses {@code content}.
     *
     * @throws TlsConfigException if the file holds no block, or a block is cut short or not base64
     */
    static PemFile parse(String source, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        String label = null;
        boolean encrypted = false;
        StringBuilder base64 = new StringBuilder();
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.strip();
            if (label == null) {
                if (line.startsWith(BEGIN) && line.endsWith(DASHES) && line.length() > BEGIN.length() + DASHES.length()) {
                    label = line.substring(BEGIN.length(), line.length() - DASHES.length());
                    encrypted = false;
                    base64.setLength(0);
                }
            } else if (line.startsWith(END)) {
                if (!line.equals(END + label + DASHES)) {
                    throw new TlsConfigException(source + ": damaged PEM: 'BEGIN " + label + "' ends with '" + line + "'");
                }
                blocks.add(new Block(label, decode(source, label, base64), encrypted));
                label = null;
            } else if (line.contains(":")) {
                encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
            } else {
                base64.append(line);
            }
        }
        if (label != null) {
            throw new TlsConfigException(source + ": damaged PEM: 'BEGIN " + label + "' has no 'END " + label + "' (file cut short?)");
        }
        if (blocks.isEmpty()) {
            throw new TlsConfigException(source + ": not a PEM file: no '-----BEGIN ...-----' line"
                    + (looksBinary(content) ? " (a binary DER file? convert it with openssl x509 -inform der -outform pem,"
                    + " or openssl pkcs8 -inform der for a key)" : ""));
        }
        return new PemFile(source, List.copyOf(blocks));
    }

    private static byte[] decode(String source, String label, CharSequence base64) {
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException(source + ": damaged PEM block 'BEGIN " + label + "': " + e.getMessage(), e);
        }
    }

    private static boolean looksBinary(byte[] content) {
        return content.length > 0 && (content[0] & 0xFF) == 0x30;
    }

    /** The blocks labelled {@code label}. */
    List<Block> blocks(String label) {
        return blocks.stream().filter(b -> b.label().equals(label)).toList();
    }

    /** The labels of the file's blocks, for messages: {@code 'BEGIN CERTIFICATE', 'BEGIN ...'}. */
    String labels() {
        return String.join(", ", blocks.stream().map(b -> "'BEGIN " + b.label() + "'").distinct().toList());
    }
}
