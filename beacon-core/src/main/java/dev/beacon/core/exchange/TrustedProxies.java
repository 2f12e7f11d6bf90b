package dev.beacon.core.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param entries addresses ({@code 10.0.0.1}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8},
     *        {@code fd00::/8})
     * @return the proxies
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies of(List<String> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(Range.parse(entry));
        }
        return new TrustedProxies(List.copyOf(ranges));
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
        byte[] bytes = address == null ? null : bytes(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
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
        return bytes(value) == null ? null : value;
    }

    /**
     * @return the address's bytes, 4 or 16; {@code null} when it is not an IP literal. Checked before
     *         {@link InetAddress#getByName}, which would otherwise look a name up.
     */
    static byte[] bytes(String address) {
        if (address.isEmpty() || address.length() > 45) {
            return null;
        }
        boolean ipv6 = address.indexOf(':') >= 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c == '.' || ipv6 && (c == ':' || Character.digit(c, 16) >= 0);
            if (!allowed) {
                return null;
            }
        }
        if (!ipv6 && !isDottedQuad(address)) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static boolean isDottedQuad(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An address and how many of its leading bits a match shares. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            int slash = value.indexOf('/');
            byte[] address = bytes(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(invalid(entry));
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(invalid(entry), e);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException(invalid(entry));
                }
            }
            return new Range(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = rest == 0 ? 0 : 0xFF << (8 - rest) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }

        private static String invalid(String entry) {
            return "The '" + dev.beacon.core.settings.BeaconConfig.TRUSTED_PROXIES + "' setting must list IP addresses and CIDR ranges,"
                    + " e.g. '10.0.0.0/8, 192.0.2.7, fd00::/8'; got '" + entry + "'.";
        }
    }
}
