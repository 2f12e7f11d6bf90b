package dev.beacon.core.observe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says something once per name, for the first few names only: where clients choose the names (an endpoint, say), one
 * line per name would let them fill the log.
 */
public final class OncePerName {

    private final int mostNames;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    /**
     * @param mostNames how many names are said, at most
     */
    public OncePerName(int mostNames) {
        this.mostNames = mostNames;
    }

    /**
     * @param name a name
     * @return whether it would be said now: neither it nor the most names were said already. Cheap, so that a caller
     *         can skip the work of finding out whether there is anything to say
     */
    public boolean wouldSay(String name) {
        return said.size() < mostNames && !said.contains(name);
    }

    /**
     * @param name a name to say something of
     * @return whether this caller is the one to say it: the first for the name, within the most names
     */
    public boolean claim(String name) {
        return said.size() < mostNames && said.add(name);
    }

    /**
     * @return how the line ends: that it is logged once per name, and whether it is the last one
     */
    public String ending() {
        return said.size() >= mostNames ? " Logged once per endpoint; this is the last of " + mostNames + " endpoints logged."
                : " Logged once per endpoint, for the first " + mostNames + ".";
    }
}
