package org.elasticsearch.node;

import java.util.Collection;
import java.util.Map;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsService;

/**
 * A {@link Node} whose plugins are classes on the classpath instead of a plugins/ directory.
 *
 * <p>It lives in Elasticsearch's package because node construction with a custom plugin service
 * is package-private. The test framework's MockNode does the same but initialises the
 * randomized-testing bootstrap, which refuses to run as root (CI runs as root).
 */
public class ClasspathPluginsNode extends Node {
    public ClasspathPluginsNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name")),
            new NodeServiceProvider() {
                @Override
                PluginsService newPluginService(Environment environment, Settings nodeSettings) {
                    return new MockPluginsService(nodeSettings, environment, plugins);
                }
            },
            true
        ));
    }
}
