package dev.beacon.core.body;

import dev.beacon.ContentType;
import dev.beacon.core.settings.BeaconConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The media types a beacon may have, matched case-insensitively and ignoring parameters, and the
 * {@code Accept-Post} header that lists them in a {@code 415}.
 */
public final class AcceptedMediaTypes {

    private final Set<String> essences;
    private final boolean acceptsMissing;
    private final String acceptPost;

    /**
     * @param mediaTypes lower-case essences, and {@value BeaconConfig#NO_CONTENT_TYPE} to accept a
     *        beacon without {@code Content-Type}
     */
    public AcceptedMediaTypes(List<String> mediaTypes) {
        this.acceptsMissing = mediaTypes.contains(BeaconConfig.NO_CONTENT_TYPE);
        this.essences = mediaTypes.stream().filter(type -> !type.equals(BeaconConfig.NO_CONTENT_TYPE))
                .collect(Collectors.toUnmodifiableSet());
        this.acceptPost = mediaTypes.stream().filter(essences::contains).collect(Collectors.joining(", "));
    }

    /**
     * @param type the received media type, {@code null} when none was sent
     * @return whether a beacon of that type is accepted
     */
    public boolean accepts(ContentType type) {
        return type == null ? acceptsMissing : essences.contains(type.essence());
    }

    /**
     * @return the value of {@code Accept-Post}: the accepted media types, comma-separated
     */
    public String acceptPost() {
        return acceptPost;
    }
}
