package dev.beacon.core.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * IP addresses and CIDR ranges, as a setting lists them ({@code 10.0.0.0/8, 192.0.2.7, fd00::/8}): the proxies the
 * application trusts, the addresses its console is open to. Addresses are read as IP literals only; nothing here looks a
 * name up.
 */
public final class AddressRanges {

    /** No address at all. */
    public static final AddressRanges NONE = new AddressRanges(List.of());

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param entries addresses ({@code 10.0.0.1}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @param setting the setting they were read from, named when an entry is neither
     * @return the ranges
     * @throws IllegalArgumentException naming the setting and the entry that is neither
     */
    public static AddressRanges of(List<String> entries, String setting) {
        return new AddressRanges(entries.stream().map(entry -> Range.parse(entry, setting)).toList());
    }

    /**
     * @return whether there is no range, so that no address is in one
     */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * @param address an IP literal; anything else is in no range
     * @return whether one of the ranges holds it
     */
    public boolean contains(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
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

        static Range parse(String entry, String setting) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            int slash = value.indexOf('/');
            byte[] address = bytes(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(invalid(entry, setting));
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(invalid(entry, setting), e);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException(invalid(entry, setting));
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

        private static String invalid(String entry, String setting) {
            return "The '" + setting + "' setting must list IP addresses and CIDR ranges,"
                    + " e.g. '10.0.0.0/8, 192.0.2.7, fd00::/8'; got '" + entry + "'.";
        }
    }
}
