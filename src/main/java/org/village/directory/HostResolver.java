package org.village.directory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a host name up in DNS. {@link FeedFetcher} asks once per address it is given and then connects only to
 * the answer it checked (decision 067). A bean, so a test can answer for made-up names.
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The machine's own resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
