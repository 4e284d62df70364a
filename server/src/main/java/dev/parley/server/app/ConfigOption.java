package dev.parley.server.app;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ServerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --config FILE} option: a YAML file, or the embedded defaults when absent. */
final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration (default: embedded defaults)")
  Path file;

  ServerConfig load() throws ConfigException {
    return file == null ? ConfigLoader.loadDefault() : ConfigLoader.load(file);
  }
}
