package de.schulit.servicedesk.channel;

/**
 * The file types the desk accepts from chat channels (JPEG, PNG, GIF, WebP, PDF), recognised by their first bytes,
 * never by what a client claims, and safe names for them.
 */
public final class FileTypes {

    private FileTypes() {
    }

    /** The type the first bytes show, or null for anything but the accepted images and PDF. */
    public static String sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A safe file name: no path or control characters, at most 200 characters, with an extension fitting the type. */
    public static String fileName(String name, String mime) {
        String clean = (name == null ? "" : name).replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (clean.isEmpty() || clean.startsWith(".")) {
            clean = "datei" + clean;
        }
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        if (!clean.contains(".")) {
            clean += switch (mime) {
                case "image/png" -> ".png";
                case "image/gif" -> ".gif";
                case "image/webp" -> ".webp";
                case "application/pdf" -> ".pdf";
                default -> ".jpg";
            };
        }
        return clean;
    }
}
