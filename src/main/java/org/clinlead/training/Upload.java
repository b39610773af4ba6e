package org.clinlead.training;

import org.clinlead.core.InvalidInputException;

/**
 * A certificate file as uploaded. Accepted: PDF, PNG or JPEG, recognised by their content (not
 * the name the browser sends), at most 10 MB.
 */
public record Upload(String filename, byte[] content) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The content type the bytes show, or a clear message naming the file. */
    String checkedType() {
        String name = filename == null || filename.isBlank() ? "The file" : "\"" + filename + "\"";
        if (content == null || content.length == 0) {
            throw new InvalidInputException("certificate", name + " is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("certificate", name + " is " + (content.length / (1024 * 1024)) + " MB; the limit is 10 MB.");
        }
        if (starts(0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (starts(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        throw new InvalidInputException("certificate", name + " is not a PDF, PNG or JPEG file.");
    }

    String safeName() {
        String name = filename == null ? "certificate" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "certificate";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private boolean starts(int... bytes) {
        if (content.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((content[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
