package dev.beacon.core.rollup;

import dev.beacon.report.CspViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CSP violations an application ignores, by rule: a rule on URLs matches the violation's blocked URL or its source
 * file, and a rule on samples its script sample. Each rule is named by its own text, which is what ignored reports are
 * counted under. A URL rule is a scheme ({@code chrome:}), a host ({@code ads.example}, or {@code *.ads.example} for every
 * host below it), or else a pattern of the whole URL in which {@code *} stands for any characters
 * ({@code https://cdn.example/legacy/*}); each compared without regard to case. A sample rule is text the sample holds.
 */
public final class IgnoreRules {

    /** Nothing ignored. */
    public static final IgnoreRules NONE = new IgnoreRules(List.of(), List.of());

    private static final String KNOWN_NOISE = "known-noise.txt";
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*:");
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*");

    private final List<UrlRule> urlRules;
    private final List<String> sampleRules;

    private IgnoreRules(List<UrlRule> urlRules, List<String> sampleRules) {
        this.urlRules = urlRules;
        this.sampleRules = sampleRules;
    }

    /**
     * @param urlRules rules on blocked URLs and source files, as configured
     * @param sampleRules texts of script samples, as configured
     * @param knownNoise whether the library's list of what browser internals, extensions and adware cause applies too
     * @return the rules, in that order: a violation is counted under the first that matches
     */
    public static IgnoreRules of(List<String> urlRules, List<String> sampleRules, boolean knownNoise) {
        List<UrlRule> rules = new ArrayList<>();
        urlRules.forEach(rule -> rules.add(UrlRule.of(rule)));
        if (knownNoise) {
            knownNoise().forEach(rule -> rules.add(UrlRule.of(rule)));
        }
        return rules.isEmpty() && sampleRules.isEmpty() ? NONE : new IgnoreRules(List.copyOf(rules), List.copyOf(sampleRules));
    }

    /**
     * @param violation a CSP violation
     * @return the rule that ignores it; empty when none does
     */
    public Optional<String> ruleFor(CspViolation violation) {
        for (UrlRule rule : urlRules) {
            if (violation.blockedURL().filter(rule::matches).isPresent() || violation.sourceFile().filter(rule::matches).isPresent()) {
                return Optional.of(rule.text());
            }
        }
        Optional<String> sample = violation.sample();
        return sample.isEmpty() ? Optional.empty() : sampleRules.stream().filter(sample.get()::contains).findFirst();
    }

    /** @return the rules of the library's list, in its order */
    static List<String> knownNoise() {
        InputStream list = IgnoreRules.class.getResourceAsStream(KNOWN_NOISE);
        if (list == null) {
            throw new IllegalStateException("The library's jar lacks " + KNOWN_NOISE);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return lines.lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(rule -> !rule.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rule on URLs: a scheme, a host, or a pattern of the whole URL. */
    private record UrlRule(String text, String scheme, String host, Pattern whole) {

        static UrlRule of(String text) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            if (SCHEME.matcher(lower).matches()) {
                return new UrlRule(text, lower.substring(0, lower.length() - 1), null, null);
            }
            if (HOST.matcher(lower).matches()) {
                return new UrlRule(text, null, lower, null);
            }
            StringBuilder regex = new StringBuilder();
            for (String literal : lower.split("\\*", -1)) {
                regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(literal));
            }
            return new UrlRule(text, null, null, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        }

        boolean matches(String url) {
            if (whole != null) {
                return whole.matcher(url).matches();
            }
            String lower = url.toLowerCase(Locale.ROOT);
            if (scheme != null) {
                // Browsers also report a bare scheme ("about", "data") for a URL of it.
                return lower.equals(scheme) || lower.startsWith(scheme + ":");
            }
            String urlHost = hostOf(lower);
            if (urlHost == null) {
                return false;
            }
            return host.startsWith("*.") ? urlHost.endsWith(host.substring(1)) : urlHost.equals(host);
        }

        private static String hostOf(String url) {
            try {
                return new URI(url).getHost();
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
