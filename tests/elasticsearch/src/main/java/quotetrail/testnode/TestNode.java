package quotetrail.testnode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * One single-node Elasticsearch 8 cluster on 127.0.0.1 for the test suite.
 *
 * <p>Usage: {@code TestNode HOME URL_FILE}. Data goes under HOME, whose config/log4j2.properties
 * says where the log goes. The HTTP port is picked by the operating system (no race with other
 * processes) and the node's URL is written to URL_FILE once HTTP is listening. SIGTERM closes the
 * node cleanly.
 */
public final class TestNode {
    private TestNode() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TestNode HOME URL_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path urlFile = Path.of(args[1]).toAbsolutePath();
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "quotetrail-test")
            .put("node.name", "quotetrail-test-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", "0")
            .put("transport.port", "0")
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            // A nearly full disk must not leave test indices unassigned (red health).
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        LogConfigurator.loadLog4jPlugins();
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("quotetrail-test-node");
        LogConfigurator.configureESLogging();
        LogConfigurator.configure(new Environment(settings, home.resolve("config")), false);

        Node node = new ClasspathPluginsNode(settings, List.of(Netty4Plugin.class, QuotetrailAnalysisPlugin.class, RestRootPlugin.class));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "quotetrail-test-node-shutdown"));
        node.start();

        TransportAddress http = node.injector().getInstance(HttpServerTransport.class)
            .boundAddress().publishAddress();
        String url = "http://" + http.getAddress() + ":" + http.getPort();
        Path tmp = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
        Files.writeString(tmp, url + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, urlFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        closed.await();
    }
}
