package dev.beacon.core.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the address of the client behind the load balancers and proxies the application trusts
 * ({@value dev.beacon.core.settings.BeaconConfig#TRUSTED_PROXIES}): the addresses they forward in {@code Forwarded}
 * (RFC 7239) or, without it, {@code X-Forwarded-For}, read from the right, up to the first address that
 * is not a trusted proxy. A request from a peer that is not a trusted proxy keeps the peer's address,
 * whatever it claims in those headers: a client cannot forge its address.
 * <p>
 * Addresses are read as IP literals only; nothing here looks a name up.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(AddressRanges.NONE);

    private final AddressRanges ranges;

    private TrustedProxies(AddressRanges ranges) {
        this.ranges = ranges;
    }

    /**
     * @param entries addresses ({@code 10.0.0.1}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8},
     *        {@code fd00::/8})
     * @return the proxies
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies of(List<String> entries) {
        return entries.isEmpty() ? NONE : new TrustedProxies(AddressRanges.of(entries, dev.beacon.core.settings.BeaconConfig.TRUSTED_PROXIES));
    }

    /**
     * @param request a request
     * @return the client's address: the peer's, unless the peer is a trusted proxy
     */
    public String clientAddressOf(IncomingRequest request) {
        String peer = request.clientAddress();
        if (ranges.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = forwardedFor(request);
        String client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = literal(forwarded.get(i));
            if (hop == null) {
                return client; // "unknown" or an obfuscated name: the last address known is as far as it goes
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return address != null && ranges.contains(address);
    }

    /** The {@code for=} of every {@code Forwarded} element in order, or else the {@code X-Forwarded-For} list. */
    private static List<String> forwardedFor(IncomingRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.headers("Forwarded")) {
            for (String element : header.split(",")) {
                hops.add(forParameter(element));
            }
        }
        if (!hops.isEmpty()) {
            return hops;
        }
        for (String header : request.headers("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** {@code for=192.0.2.60;proto=http} gives {@code 192.0.2.60}; an element without {@code for} gives "". */
    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                return pair.substring(equals + 1).strip();
            }
        }
        return "";
    }

    /**
     * @return the IP literal a hop names, without quotes, brackets or port; {@code null} for anything else
     */
    private static String literal(String hop) {
        String value = hop.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close < 0 ? "" : value.substring(1, close);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        return AddressRanges.bytes(value) == null ? null : value;
    }
}
