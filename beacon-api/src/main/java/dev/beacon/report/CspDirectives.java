package dev.beacon.report;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names of CSP directives, and the bare name in what a browser reports as the violated directive. CSP Level 2
 * browsers report the directive with its whole source list ({@code "style-src http://cdn.example.com"}), some in
 * {@code effective-directive} itself, and some report a word that is no directive at all; CSP Level 3 reports the bare
 * name. The name is the first token, compared without regard to case, as directive names are.
 */
final class CspDirectives {

    /** Every directive of CSP Levels 2 and 3 and their drafts, and those browsers dropped but may still report. */
    private static final Set<String> NAMES = Set.of(
            "default-src", "child-src", "connect-src", "fenced-frame-src", "font-src", "frame-src", "img-src", "manifest-src",
            "media-src", "object-src", "prefetch-src", "script-src", "script-src-elem", "script-src-attr", "style-src",
            "style-src-elem", "style-src-attr", "worker-src", "base-uri", "sandbox", "form-action", "frame-ancestors",
            "navigate-to", "report-uri", "report-to", "require-trusted-types-for", "trusted-types", "upgrade-insecure-requests",
            "block-all-mixed-content", "plugin-types", "require-sri-for", "webrtc", "referrer", "reflected-xss");

    private CspDirectives() {
    }

    /**
     * @param reported a reported directive, bare or with its source list, as any browser sends it
     * @return its name, lower-case; empty when it does not start with the name of a directive
     */
    static Optional<String> nameIn(String reported) {
        String stripped = reported.strip();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        String name = stripped.substring(0, end).toLowerCase(Locale.ROOT);
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }
}
