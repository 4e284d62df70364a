package dev.parley.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The control plane: where the HTTP API listens and where events are pushed.
 *
 * @param enabled  serve the API, event stream, dashboard and metrics at all
 * @param address  IP literal to bind, or {@code localhost}; loopback by default so the API is not
 *                 reachable from the network until someone decides it should be
 * @param port     1..65535
 * @param dataDir  where a generated API token is kept (relative paths: against the working directory)
 * @param webhooks event receivers, in file order
 */
public record ApiSettings(boolean enabled, String address, int port, Path dataDir, List<WebhookConfig> webhooks) {

    public ApiSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dataDir, "dataDir");
        webhooks = List.copyOf(webhooks);
    }
}
