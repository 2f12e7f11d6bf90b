package dev.beacon.core.settings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One rule for an endpoint name, whether a path or a setting gives it. */
class EndpointNamesTest {

    @Test
    void anEndpointNameIsOneToSixtyFourLettersDigitsDotsUnderscoresOrDashesStartingWithALetterOrDigit() {
        assertTrue(EndpointNames.isValid("a"));
        assertTrue(EndpointNames.isValid("9"));
        assertTrue(EndpointNames.isValid("x".repeat(64)));
        assertFalse(EndpointNames.isValid(""));
        assertFalse(EndpointNames.isValid("x".repeat(65)));
        assertFalse(EndpointNames.isValid("-dash-first"));
        assertFalse(EndpointNames.isValid(".hidden"));
        assertFalse(EndpointNames.isValid("caf\u00e9"));
        assertFalse(EndpointNames.isValid("a%2Fb"));
        assertFalse(EndpointNames.isValid("a b"));
    }
}
