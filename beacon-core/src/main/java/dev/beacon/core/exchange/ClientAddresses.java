package dev.beacon.core.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The client's address as observers, sinks and the library's logs see it. Where the application anonymises it, an IPv4
 * address keeps its first 24 bits and an IPv6 one its first 48 (or as configured), the rest zero: {@code 203.0.113.77}
 * is shown as {@code 203.0.113.0}. What cannot be read as an address is not shown at all, and neither are the
 * {@code Forwarded} and {@code X-Forwarded-For} headers, which carry whole addresses. The rate limit and the duplicate
 * window still tell clients apart by their whole address, which they keep only as long as their windows last.
 */
public final class ClientAddresses {

    private static final ClientAddresses WHOLE = new ClientAddresses(false, 32, 128);

    private final boolean anonymized;
    private final int ipv4Bits;
    private final int ipv6Bits;

    private ClientAddresses(boolean anonymized, int ipv4Bits, int ipv6Bits) {
        this.anonymized = anonymized;
        this.ipv4Bits = ipv4Bits;
        this.ipv6Bits = ipv6Bits;
    }

    /**
     * @param anonymized whether addresses are cut
     * @param ipv4Bits how many leading bits of an IPv4 address are kept, 0 to 32
     * @param ipv6Bits how many leading bits of an IPv6 address are kept, 0 to 128
     * @return the rule
     */
    public static ClientAddresses of(boolean anonymized, int ipv4Bits, int ipv6Bits) {
        return anonymized ? new ClientAddresses(true, ipv4Bits, ipv6Bits) : WHOLE;
    }

    /**
     * @param address the client's address, behind the trusted proxies; {@code null} when unknown
     * @return it as shown: whole, or cut; {@code null} when unknown, or not an address and anonymised
     */
    public String shown(String address) {
        if (!anonymized || address == null) {
            return address;
        }
        byte[] bytes = AddressRanges.bytes(address);
        if (bytes == null) {
            return null;
        }
        int kept = bytes.length == 4 ? ipv4Bits : ipv6Bits;
        for (int bit = kept; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e); // bytes() gives no other length
        }
    }

    /**
     * @param request the request
     * @return its headers as a beacon keeps them: without those that carry whole addresses, where addresses are cut
     */
    public Function<String, String> headersOf(IncomingRequest request) {
        if (!anonymized) {
            return request::header;
        }
        return name -> switch (name.toLowerCase(Locale.ROOT)) {
            case "forwarded", "x-forwarded-for", "x-real-ip" -> null;
            default -> request.header(name);
        };
    }
}
